package io.zhongtai.service.metrics;

import io.zhongtai.core.CatalogException;
import io.zhongtai.metrics.dbt.DbtSemanticManifest;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.service.crawl.WarehouseRegistry;
import jakarta.inject.Singleton;

/** Reads an uploaded dbt semantic manifest (or dbt semantic YAML) for a registered warehouse. */
@Singleton
public class DbtImport {
    private final WarehouseRegistry warehouses;

    public DbtImport(WarehouseRegistry warehouses) {
        this.warehouses = warehouses;
    }

    public SemanticManifest read(String body, String warehouse, String schema, String project) {
        if (warehouse == null || warehouse.isBlank()) {
            throw CatalogException.invalid("warehouse", "name the registered warehouse the dbt models live in");
        }
        warehouses.find(warehouse);
        return DbtSemanticManifest.read(body, warehouse, schema, project == null || project.isBlank() ? "dbt" : project);
    }
}
