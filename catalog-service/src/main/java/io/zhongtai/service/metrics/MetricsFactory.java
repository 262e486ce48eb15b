package io.zhongtai.service.metrics;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.metrics.MetricStore;
import io.zhongtai.core.security.SecretCipher;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.crawlers.jdbc.JdbcWarehouseConnections;
import io.zhongtai.graph.neo4j.Neo4jMetricStore;
import io.zhongtai.metrics.execute.ExecutorSettings;
import io.zhongtai.metrics.execute.MetricExecutor;
import io.zhongtai.metrics.governance.MetricRegistry;
import io.zhongtai.metrics.validate.ManifestValidator;
import io.zhongtai.service.config.StoreFactory;
import io.zhongtai.service.crawl.WarehouseRegistry;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

/** Wires the metrics engine: its store in the graph, the registry, the executor on the registered warehouses. */
@Factory
public class MetricsFactory {

    @Singleton
    MetricStore metricStore(StoreFactory.GraphConnection connection) {
        return new Neo4jMetricStore(connection.graph());
    }

    /** Columns of crawled tables, so definitions naming a column the warehouse lacks are refused. */
    @Singleton
    ManifestValidator manifestValidator(CatalogStore catalog) {
        return new ManifestValidator((warehouse, schema, table) -> {
            if (warehouse == null || schema == null) {
                return null;
            }
            AssetId id = AssetId.of(AssetType.TABLE, warehouse, schema, table);
            var detail = catalog.findAsset(id).or(() -> catalog.findAsset(AssetId.of(AssetType.VIEW, warehouse, schema, table)));
            if (detail.isEmpty() || detail.get().asset().deleted()) {
                return null;
            }
            Set<String> columns = new LinkedHashSet<>();
            detail.get().columns().stream().filter(c -> !c.deleted()).forEach(c -> columns.add(c.id().name()));
            return columns;
        });
    }

    @Singleton
    MetricRegistry metricRegistry(MetricStore store, ManifestValidator validator, Clock clock) {
        return new MetricRegistry(store, validator, clock);
    }

    /** Connections come from the same place the crawlers take theirs (one DuckDB instance per file). */
    @Singleton
    @Bean(preDestroy = "close")
    MetricExecutor metricExecutor(WarehouseRegistry warehouses, JdbcWarehouseConnections connections, SecretCipher cipher,
            MetricsConfig config) {
        return new MetricExecutor(name -> {
            Warehouse warehouse = warehouses.find(name);
            return connections.open(warehouse, cipher.open(warehouse.encryptedPassword()));
        }, new ExecutorSettings(config.statementTimeout(), config.poolSize(), config.cacheEntries(),
                config.cacheTimeToLive()));
    }
}
