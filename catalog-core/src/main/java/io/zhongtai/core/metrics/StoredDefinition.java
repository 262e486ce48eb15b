package io.zhongtai.core.metrics;

import static java.util.Objects.requireNonNull;

/**
 * A definition other than a metric, kept as a JSON document: a semantic model or an access
 * policy, by kind and name.
 *
 * @param kind {@code semantic_model} or {@code policy}
 */
public record StoredDefinition(String kind, String name, String definition) {
    public static final String SEMANTIC_MODEL = "semantic_model";
    public static final String POLICY = "policy";

    public StoredDefinition {
        requireNonNull(kind, "kind is null");
        requireNonNull(name, "name is null");
        requireNonNull(definition, "definition is null");
    }
}
