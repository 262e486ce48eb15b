package io.zhongtai.crawlers;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.duckdb.DuckDbHarvester;
import io.zhongtai.crawlers.h2.H2Harvester;
import io.zhongtai.crawlers.jdbc.GenericJdbcHarvester;
import io.zhongtai.crawlers.mysql.MySqlHarvester;
import io.zhongtai.crawlers.postgres.PostgresHarvester;
import org.junit.jupiter.api.Test;

class HarvestersTest {
    private final Harvesters harvesters = Harvesters.builtIn();

    @Test
    void choosesTheHarvesterOfEachKnownDialect() {
        assertThat(harvesters.forDialect(Dialect.DUCKDB)).isInstanceOf(DuckDbHarvester.class);
        assertThat(harvesters.forDialect(Dialect.POSTGRES)).isInstanceOf(PostgresHarvester.class);
        assertThat(harvesters.forDialect(Dialect.MYSQL)).isInstanceOf(MySqlHarvester.class);
        assertThat(harvesters.forDialect(Dialect.MARIADB)).isInstanceOf(MySqlHarvester.class);
        assertThat(harvesters.forDialect(Dialect.H2)).isInstanceOf(H2Harvester.class);
    }

    @Test
    void fallsBackToGenericJdbcForEveryOtherDialect() {
        for (Dialect dialect : new Dialect[] {Dialect.TRINO, Dialect.CLICKHOUSE, Dialect.SNOWFLAKE, Dialect.HIVE, Dialect.GENERIC}) {
            assertThat(harvesters.forDialect(dialect)).as(dialect.value()).isInstanceOf(GenericJdbcHarvester.class);
        }
    }
}
