package io.zhongtai.core.search;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;

/**
 * One asset found by a search.
 *
 * @param snippet the matching piece of its text with highlights, or null when no text beyond
 *     the name matched and it has no description
 * @param score the relevance the index gave it; comparable only within one result
 * @param explain why it ranked where it did, as the engine explains it; null unless asked for
 */
public record SearchHit(
        AssetId id, AssetType type, String name, String qualifiedName, Snippet snippet, double score, String explain) {
    public SearchHit {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(name, "name is null");
        requireNonNull(qualifiedName, "qualifiedName is null");
        if (type != id.type()) {
            throw new IllegalArgumentException("type " + type + " does not match " + id);
        }
    }
}
