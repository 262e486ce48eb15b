package io.zhongtai.metrics.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.execute.ExecutorSettings;
import io.zhongtai.metrics.execute.MetricExecutor;
import io.zhongtai.metrics.execute.WarehouseConnector;
import io.zhongtai.metrics.model.Entity;
import io.zhongtai.metrics.model.EntityJoinType;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.model.SemanticModel;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.CompiledQuery;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.metrics.semantic.SemanticIndex;
import io.zhongtai.metrics.testing.DemoDuckDb;
import io.zhongtai.metrics.testing.ResultAssert;
import io.zhongtai.metrics.yaml.DefinitionReader;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * LEFT JOIN by default, INNER JOIN where an entity declares referential integrity
 * ({@code join_type: inner}), on a small DuckDB warehouse holding an orphan and a null key, and
 * on the demo, whose generator guarantees what its definitions declare.
 */
class JoinTypeIT {
    private static final String MODELS = """
            semantic_models:
              - name: sales
                warehouse: shop
                table: shop.sales
                entities:
                  - {name: sale, type: primary, expr: sale_id}
                  - {name: store, type: foreign, expr: store_id%s}
                measures:
                  - {name: amount, agg: sum, expr: amount}
              - name: stores
                warehouse: shop
                table: shop.stores
                entities:
                  - {name: store, type: primary, expr: store_id}
                  - {name: region, type: foreign, expr: region_id%s}
                dimensions:
                  - {name: city, expr: city}
              - name: regions
                warehouse: shop
                table: shop.regions
                entities:
                  - {name: region, type: primary, expr: region_id}
                dimensions:
                  - {name: region, expr: region_name}
            metrics:
              - {name: total_amount, type: simple, measure: amount}
            """;
    private static DuckDBConnection database;
    private static MetricExecutor executor;

    @BeforeAll
    static void start() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        database = (DuckDBConnection) DriverManager.getConnection(
                "jdbc:duckdb:" + Files.createTempDirectory("join-type").resolve("warehouse.duckdb"), properties);
        try (Statement statement = database.createStatement()) {
            statement.execute("CREATE SCHEMA shop");
            statement.execute("CREATE TABLE shop.regions (region_id INT, region_name VARCHAR)");
            statement.execute("INSERT INTO shop.regions VALUES (1, 'East'), (2, 'West')");
            statement.execute("CREATE TABLE shop.stores (store_id INT, region_id INT, city VARCHAR)");
            statement.execute("INSERT INTO shop.stores VALUES (1, 1, 'Hangzhou'), (2, 2, 'Chengdu')");
            statement.execute("CREATE TABLE shop.sales (sale_id INT, store_id INT, amount DECIMAL(10, 2))");
            // sale 4 names a store that does not exist, sale 5 has no store: both break integrity
            statement.execute("INSERT INTO shop.sales VALUES (1, 1, 10), (2, 1, 20), (3, 2, 5), (4, 99, 7), (5, NULL, 3)");
        }
        WarehouseConnector connector = warehouse -> {
            try {
                return database.duplicate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        executor = new MetricExecutor(connector, ExecutorSettings.defaults());
    }

    @AfterAll
    static void stop() throws SQLException {
        executor.close();
        database.close();
    }

    private static CompiledQuery compile(String storeJoin, String regionJoin) {
        SemanticManifest manifest = DefinitionReader.readYaml(MODELS.formatted(storeJoin, regionJoin), "shop.yml");
        MetricQuery query = MetricQuery.builder().metrics("total_amount").dimensions("region").build();
        return new MetricCompiler(new SemanticIndex(manifest)).compile(query, Caller.system(),
                new Target("shop", Dialect.DUCKDB));
    }

    private static Map<String, Double> byRegion(QueryResult result) {
        Map<String, Double> out = new HashMap<>();
        for (List<Object> row : result.rows()) {
            out.put(String.valueOf(row.get(0)), ResultAssert.number(row.get(1)));
        }
        return out;
    }

    @Test
    void byDefaultJoinsAreLeftAndTheOrphanAndNullKeyRowsStayUnderANullRegion() {
        CompiledQuery compiled = compile("", "");
        assertThat(compiled.sql()).contains("LEFT JOIN").doesNotContain("INNER JOIN");
        assertThat(byRegion(executor.execute(compiled))).containsOnly(Map.entry("East", 30.0), Map.entry("West", 5.0),
                Map.entry("null", 10.0));
    }

    @Test
    void declaredIntegrityJoinsInnerAndDropsRowsThatBreakThePromise() {
        CompiledQuery compiled = compile(", join_type: inner", ", join_type: inner");
        assertThat(compiled.sql()).contains("INNER JOIN \"shop\".\"stores\"").contains("INNER JOIN \"shop\".\"regions\"")
                .doesNotContain("LEFT JOIN");
        assertThat(byRegion(executor.execute(compiled))).containsOnly(Map.entry("East", 30.0), Map.entry("West", 5.0));
    }

    @Test
    void anInnerHopAfterALeftOneStaysLeftSoNoRowKeptByTheLeftJoinIsDropped() {
        CompiledQuery compiled = compile("", ", join_type: inner");
        assertThat(compiled.sql()).doesNotContain("INNER JOIN");
        assertThat(byRegion(executor.execute(compiled))).containsOnly(Map.entry("East", 30.0), Map.entry("West", 5.0),
                Map.entry("null", 10.0));
    }

    @Test
    void onCleanKeysInnerAndLeftAnswerTheSame() throws SQLException {
        try (Statement statement = database.createStatement()) {
            statement.execute("CREATE TABLE shop.clean_sales AS SELECT * FROM shop.sales WHERE store_id IN (1, 2)");
        }
        try {
            String models = MODELS.replace("table: shop.sales", "table: shop.clean_sales");
            MetricQuery query = MetricQuery.builder().metrics("total_amount").dimensions("region", "city").build();
            List<List<List<Object>>> answers = new ArrayList<>();
            for (String join : List.of("", ", join_type: inner")) {
                SemanticManifest manifest = DefinitionReader.readYaml(models.formatted(join, join), "shop.yml");
                CompiledQuery compiled = new MetricCompiler(new SemanticIndex(manifest)).compile(query, Caller.system(),
                        new Target("shop", Dialect.DUCKDB));
                assertThat(compiled.sql()).contains(join.isEmpty() ? "LEFT JOIN" : "INNER JOIN");
                answers.add(executor.execute(compiled).rows());
            }
            assertThat(answers.get(1)).isEqualTo(answers.get(0)).hasSize(2);
        } finally {
            try (Statement statement = database.createStatement()) {
                statement.execute("DROP TABLE shop.clean_sales");
            }
        }
    }

    @Test
    void everyKeyTheDemoDeclaresInnerIsNonNullAndMatchesARowOnTheDemo() {
        SemanticManifest demo = DemoMetrics.manifest();
        int checked = 0;
        for (SemanticModel model : demo.models()) {
            for (Entity entity : model.entities()) {
                if (entity.joinType() != EntityJoinType.INNER) {
                    continue;
                }
                for (SemanticModel target : demo.models()) {
                    Entity primary = target.entity(entity.name()).filter(e -> e.type().isUnique()).orElse(null);
                    if (primary == null || target == model) {
                        continue;
                    }
                    String sql = "SELECT COUNT(*) FROM " + model.relation() + " f LEFT JOIN " + target.relation()
                            + " t ON t." + primary.expr() + " = f." + entity.expr() + " WHERE t." + primary.expr()
                            + " IS NULL";
                    assertThat(ResultAssert.number(DemoDuckDb.query(sql).get(0).get(0))).as(sql).isZero();
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo(9);
    }
}
