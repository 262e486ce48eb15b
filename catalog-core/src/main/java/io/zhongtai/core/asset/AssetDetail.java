package io.zhongtai.core.asset;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An asset with what its page shows beside it: the columns of a table or view (in position
 * order), and the foreign keys that leave it.
 */
public record AssetDetail(Asset asset, List<Asset> columns, List<ForeignKey> foreignKeys) {
    public AssetDetail {
        requireNonNull(asset, "asset is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        foreignKeys = List.copyOf(requireNonNull(foreignKeys, "foreignKeys is null"));
    }
}
