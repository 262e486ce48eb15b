package io.zhongtai.core.harvest;

import io.zhongtai.core.asset.AssetType;

/** What kind of relation a harvested dataset is, and the asset type it becomes. */
public enum TableKind {
    TABLE(AssetType.TABLE),
    VIEW(AssetType.VIEW),
    MATERIALIZED_VIEW(AssetType.VIEW);

    private final AssetType assetType;

    TableKind(AssetType assetType) {
        this.assetType = assetType;
    }

    public AssetType assetType() {
        return assetType;
    }
}
