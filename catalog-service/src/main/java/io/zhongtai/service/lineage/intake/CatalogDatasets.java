package io.zhongtai.service.lineage.intake;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which live dataset the catalog holds at a table's path, a table or a view, remembered for the
 * length of one request (intake asks about the same datasets again and again).
 */
final class CatalogDatasets {
    private final CatalogStore catalog;
    private final Map<AssetId, Optional<AssetId>> seen = new HashMap<>();

    CatalogDatasets(CatalogStore catalog) {
        this.catalog = catalog;
    }

    /** The live table or view at the path of {@code dataset} (a table or view id), if any. */
    Optional<AssetId> find(AssetId dataset) {
        AssetId table = new AssetId(AssetType.TABLE, dataset.path());
        return seen.computeIfAbsent(table, key -> live(key).or(() -> live(new AssetId(AssetType.VIEW, key.path()))));
    }

    boolean isView(AssetId dataset) {
        return find(dataset).map(id -> id.type() == AssetType.VIEW).orElse(false);
    }

    private Optional<AssetId> live(AssetId id) {
        return catalog.findAsset(id).filter(detail -> !detail.asset().deleted()).map(detail -> detail.asset().id());
    }
}
