package io.zhongtai.core.search;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;

/** One completion for what a user is typing: an asset whose name or label starts with it. */
public record Suggestion(AssetId id, String name, String qualifiedName) {
    public Suggestion {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(qualifiedName, "qualifiedName is null");
    }

    public AssetType type() {
        return id.type();
    }
}
