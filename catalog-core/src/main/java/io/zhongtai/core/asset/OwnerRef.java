package io.zhongtai.core.asset;

import static java.util.Objects.requireNonNull;

/** An owner of an asset: a user or a group, by identifier, with a display name. */
public record OwnerRef(AssetId id, String name) {
    public OwnerRef {
        requireNonNull(id, "id is null");
        if (id.type() != AssetType.USER && id.type() != AssetType.GROUP) {
            throw new IllegalArgumentException("an owner is a user or a group, not " + id);
        }
        name = name == null ? id.name() : name;
    }
}
