package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

/**
 * A join key of a semantic model. Two models that carry an entity of the same name can be
 * joined on it; the entity types say whether the join fans out.
 *
 * @param expr the key column or expression over the model's own columns
 */
public record Entity(String name, EntityType type, String expr, String description) {
    public Entity {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(expr, "expr is null");
    }
}
