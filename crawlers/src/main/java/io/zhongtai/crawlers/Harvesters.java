package io.zhongtai.crawlers;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.harvest.Harvester;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.duckdb.DuckDbHarvester;
import io.zhongtai.crawlers.h2.H2Harvester;
import io.zhongtai.crawlers.jdbc.GenericJdbcHarvester;
import io.zhongtai.crawlers.mysql.MySqlHarvester;
import io.zhongtai.crawlers.postgres.PostgresHarvester;
import java.util.List;

/** The harvesters this build ships, and the choice of one per dialect: the first that supports it. */
public final class Harvesters {
    private final List<Harvester> harvesters;

    public Harvesters(List<Harvester> harvesters) {
        this.harvesters = List.copyOf(harvesters);
    }

    /**
     * One harvester per dialect Zhongtai knows well, then the generic JDBC one, which serves
     * every other dialect through {@link java.sql.DatabaseMetaData} and so comes last.
     */
    public static Harvesters builtIn() {
        return new Harvesters(List.of(
                new DuckDbHarvester(),
                new PostgresHarvester(),
                new MySqlHarvester(),
                new H2Harvester(),
                new GenericJdbcHarvester()));
    }

    public Harvester forDialect(Dialect dialect) {
        return harvesters.stream()
                .filter(harvester -> harvester.supports(dialect))
                .findFirst()
                .orElseThrow(() -> new CatalogException(
                        ErrorCode.INVALID_REQUEST, "No harvester for dialect '" + dialect.value() + "' in this build"));
    }
}
