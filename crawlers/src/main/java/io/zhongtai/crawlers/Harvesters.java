package io.zhongtai.crawlers;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.harvest.Harvester;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.duckdb.DuckDbHarvester;
import java.util.List;

/** The harvesters this build ships, and the choice of one per dialect. */
public final class Harvesters {
    private final List<Harvester> harvesters;

    public Harvesters(List<Harvester> harvesters) {
        this.harvesters = List.copyOf(harvesters);
    }

    public static Harvesters builtIn() {
        return new Harvesters(List.of(new DuckDbHarvester()));
    }

    public Harvester forDialect(Dialect dialect) {
        return harvesters.stream()
                .filter(harvester -> harvester.supports(dialect))
                .findFirst()
                .orElseThrow(() -> new CatalogException(
                        ErrorCode.INVALID_REQUEST,
                        "No harvester for dialect '" + dialect.value() + "' in this build yet; DuckDB warehouses can be crawled"));
    }
}
