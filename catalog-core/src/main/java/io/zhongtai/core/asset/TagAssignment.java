package io.zhongtai.core.asset;

import static java.util.Objects.requireNonNull;

/**
 * A tag on an asset: the tag's name, an optional kind ({@code pii} of kind {@code email}), and
 * where it came from.
 */
public record TagAssignment(String name, String kind, TagSource source) {
    public TagAssignment {
        requireNonNull(name, "name is null");
        requireNonNull(source, "source is null");
        kind = kind == null || kind.isBlank() ? null : kind;
    }
}
