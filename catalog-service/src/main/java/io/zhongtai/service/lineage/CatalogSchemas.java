package io.zhongtai.service.lineage;

import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.Asset;
import io.zhongtai.core.asset.AssetDetail;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetQuery;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.lineage.SchemaCatalog;
import io.zhongtai.core.lineage.SqlLineageMapper;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the catalog knows about one warehouse's tables, for reading SQL that runs there: their
 * columns in order (to expand {@code SELECT *}) and which names are views.
 */
final class CatalogSchemas {
    private final CatalogStore catalog;
    private final String warehouse;
    private final Map<String, Optional<List<String>>> columns = new HashMap<>();
    private Set<String> views;

    CatalogSchemas(CatalogStore catalog, String warehouse) {
        this.catalog = catalog;
        this.warehouse = warehouse;
    }

    /** Tables as the lineage prints them: {@code schema.table}, or with the database in front. */
    SchemaCatalog schemaCatalog() {
        return name -> columns.computeIfAbsent(name, this::lookUp);
    }

    SqlLineageMapper.DatasetResolver resolver(String defaultSchema) {
        return SqlLineageMapper.onWarehouse(warehouse, defaultSchema, views());
    }

    private Optional<List<String>> lookUp(String name) {
        String[] parts = name.split("\\.");
        if (parts.length < 2) {
            return Optional.empty();
        }
        String schema = parts[parts.length - 2];
        String table = parts[parts.length - 1];
        for (AssetType type : List.of(AssetType.TABLE, AssetType.VIEW)) {
            Optional<AssetDetail> found = catalog.findAsset(AssetId.of(type, warehouse, schema, table));
            if (found.isPresent() && !found.get().asset().deleted() && !found.get().columns().isEmpty()) {
                return Optional.of(found.get().columns().stream()
                        .filter(column -> !column.deleted())
                        .map(column -> column.id().name())
                        .toList());
            }
        }
        return Optional.empty();
    }

    private Set<String> views() {
        if (views == null) {
            views = new HashSet<>();
            AssetQuery query = new AssetQuery(AssetType.VIEW, warehouse, null, false);
            for (int page = 0; ; page++) {
                List<Asset> items = catalog.listAssets(query, new PageRequest(page, PageRequest.MAX_SIZE)).items();
                items.forEach(view -> views.add(view.id().qualifiedName()));
                if (items.size() < PageRequest.MAX_SIZE) {
                    break;
                }
            }
        }
        return views;
    }
}
