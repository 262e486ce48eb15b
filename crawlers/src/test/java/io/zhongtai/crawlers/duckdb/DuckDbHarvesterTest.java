package io.zhongtai.crawlers.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestProgress;
import io.zhongtai.core.harvest.HarvestedColumn;
import io.zhongtai.core.harvest.HarvestedSchema;
import io.zhongtai.core.harvest.HarvestedTable;
import io.zhongtai.core.harvest.TableKind;
import io.zhongtai.core.warehouse.CrawlSettings;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.crawlers.jdbc.JdbcWarehouseConnections;
import io.zhongtai.demo.DemoRetail;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Harvests the real demo warehouse, generated at a small scale into a DuckDB file. */
class DuckDbHarvesterTest {
    private static final JdbcWarehouseConnections CONNECTIONS = new JdbcWarehouseConnections();
    private static Warehouse demo;
    private static HarvestBatch batch;
    private static final List<HarvestProgress> PROGRESS = new ArrayList<>();

    @BeforeAll
    static void harvestTheDemo() throws Exception {
        Path file = Files.createTempDirectory("zhongtai-duckdb").resolve("demo.duckdb");
        demo = new Warehouse("demo", "jdbc:duckdb:" + file, null, null, Dialect.DUCKDB, CrawlSettings.DEFAULT, null, null, null);
        try (Connection connection = CONNECTIONS.open(demo, null)) {
            DemoRetail.generate(connection, 42, 0.02);
            DemoRetail.runEtl(connection);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE VIEW mart.v_east AS SELECT * FROM mart.region_daily WHERE region_name = 'East'");
                statement.execute("CREATE SCHEMA \"Odd Schema\"");
                statement.execute("CREATE TABLE \"Odd Schema\".\"Order Items\" (\"Line No\" INTEGER NOT NULL DEFAULT 1, 数量 INTEGER)");
                statement.execute("COMMENT ON COLUMN \"Odd Schema\".\"Order Items\".数量 IS '件数'");
            }
            batch = new DuckDbHarvester().harvest(demo, connection, PROGRESS::add);
        }
    }

    @AfterAll
    static void close() {
        CONNECTIONS.close();
    }

    private static HarvestedTable table(String schema, String name) {
        return batch.schemas().stream()
                .filter(s -> s.name().equals(schema))
                .flatMap(s -> s.tables().stream())
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + schema + "." + name));
    }

    @Test
    void readsSchemasTablesAndViewsButNotTheEmptyDefaultSchema() {
        assertThat(batch.warehouse()).isEqualTo("demo");
        assertThat(batch.schemas()).extracting(HarvestedSchema::name).containsExactly("Odd Schema", "mart", "retail");
        assertThat(table("retail", "orders").kind()).isEqualTo(TableKind.TABLE);
        assertThat(table("mart", "v_east").kind()).isEqualTo(TableKind.VIEW);
        assertThat(table("mart", "v_east").viewSql()).contains("'East'");
        assertThat(batch.tableCount()).isEqualTo(8 + 4 + 1 + 1);
    }

    @Test
    void readsColumnsWithTypesNullabilityDefaultsAndComments() {
        HarvestedTable orders = table("retail", "orders");
        assertThat(orders.columns()).extracting(HarvestedColumn::name)
                .containsExactly("order_id", "customer_id", "store_id", "order_date", "status", "channel");
        HarvestedColumn orderId = orders.columns().get(0);
        assertThat(orderId.dataType()).isEqualTo("BIGINT");
        assertThat(orderId.nullable()).isFalse();
        assertThat(orderId.position()).isEqualTo(1);
        assertThat(orderId.description()).isNotBlank();
        assertThat(orders.columns().get(5).description()).as("orders.channel is blank on purpose").isNull();
        assertThat(orders.description()).isNotBlank();
        assertThat(table("mart", "inventory_cover").description()).isNull();
        HarvestedTable odd = table("Odd Schema", "Order Items");
        assertThat(odd.columns().get(0).defaultValue()).isEqualTo("1");
        assertThat(odd.columns().get(1).name()).isEqualTo("数量");
        assertThat(odd.columns().get(1).description()).isEqualTo("件数");
        assertThat(odd.columns().get(1).nullable()).isTrue();
    }

    @Test
    void readsKeysAndRowCounts() throws Exception {
        HarvestedTable orders = table("retail", "orders");
        assertThat(orders.primaryKey()).containsExactly("order_id");
        assertThat(orders.foreignKeys()).anySatisfy(key -> {
            assertThat(key.columns()).containsExactly("customer_id");
            assertThat(key.referencedSchema()).isEqualTo("retail");
            assertThat(key.referencedTable()).isEqualTo("customers");
            assertThat(key.referencedColumns()).containsExactly("customer_id");
        });
        try (Connection connection = CONNECTIONS.open(demo, null);
                Statement statement = connection.createStatement();
                var rs = statement.executeQuery("SELECT count(*) FROM retail.orders")) {
            rs.next();
            assertThat(orders.rowCount()).isEqualTo(rs.getLong(1)).isPositive();
        }
        assertThat(table("mart", "v_east").rowCount()).isNull();
    }

    @Test
    void reportsProgressUpToEveryTable() {
        assertThat(PROGRESS.get(0).done()).isZero();
        HarvestProgress last = PROGRESS.get(PROGRESS.size() - 1);
        assertThat(last.done()).isEqualTo(last.total()).isEqualTo(batch.tableCount());
        assertThat(last.fraction()).isEqualTo(1.0);
    }

    @Test
    void includeAndExcludePatternsChooseSchemas() throws Exception {
        Warehouse onlyRetail = new Warehouse("demo", demo.jdbcUrl(), null, null, Dialect.DUCKDB, CrawlSettings.schemas(List.of("ret*"), List.of()), null, null, null);
        Warehouse notMart = new Warehouse("demo", demo.jdbcUrl(), null, null, Dialect.DUCKDB, CrawlSettings.schemas(List.of(), List.of("MART", "odd*")), null, null, null);
        try (Connection connection = CONNECTIONS.open(demo, null)) {
            assertThat(new DuckDbHarvester().harvest(onlyRetail, connection, p -> {}).schemas())
                    .extracting(HarvestedSchema::name).containsExactly("retail");
            assertThat(new DuckDbHarvester().harvest(notMart, connection, p -> {}).schemas())
                    .extracting(HarvestedSchema::name).containsExactly("retail");
        }
    }

    @Test
    void unreachableFileIsAClearError() {
        Warehouse missing = new Warehouse("gone", "jdbc:duckdb:/no/such/dir/x.duckdb", null, null, Dialect.DUCKDB, CrawlSettings.DEFAULT, null, null, null);
        assertThatThrownBy(() -> CONNECTIONS.open(missing, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.WAREHOUSE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("Cannot connect to warehouse 'gone'");
                });
    }
}
