package io.zhongtai.metrics.compile;

import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.execute.ExecutorSettings;
import io.zhongtai.metrics.execute.MetricExecutor;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.metrics.semantic.SemanticIndex;
import io.zhongtai.metrics.testing.DemoCopy;
import io.zhongtai.metrics.testing.DemoDuckDb;
import io.zhongtai.metrics.testing.HandWrittenSql;
import io.zhongtai.metrics.testing.ResultAssert;
import io.zhongtai.testing.TestDatabase;
import io.zhongtai.testing.TestingMariaDb;
import io.zhongtai.testing.TestingPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A representative subset of the demo's metrics on real PostgreSQL and MariaDB servers and H2, holding
 * the demo's rows (scale 0.05), against hand-written SQL for each engine on the same rows.
 */
class DemoMetricsServersIT {
    private static TestDatabase postgres;
    private static TestDatabase mariadb;
    private static String h2Url;
    private static MetricCompiler postgresCompiler;
    private static MetricCompiler mariadbCompiler;
    private static MetricExecutor executor;

    @BeforeAll
    static void load() throws SQLException {
        postgres = TestingPostgres.instance().createDatabase("metrics");
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA retail");
            DemoCopy.copy(connection, "retail");
        }
        mariadb = TestingMariaDb.instance().createDatabase("metrics");
        try (Connection connection = mariadb.connect()) {
            DemoCopy.copy(connection, mariadb.name());
        }
        h2Url = "jdbc:h2:mem:metrics_demo;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        try (Connection connection = java.sql.DriverManager.getConnection(h2Url); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA retail");
            DemoCopy.copy(connection, "retail");
        }
        postgresCompiler = new MetricCompiler(new SemanticIndex(DemoMetrics.manifest()));
        mariadbCompiler = new MetricCompiler(new SemanticIndex(DemoCopy.inSchema(DemoMetrics.manifest(), mariadb.name())));
        executor = new MetricExecutor(warehouse -> {
            try {
                return switch (warehouse) {
                    case "postgres" -> postgres.connect();
                    case "h2" -> java.sql.DriverManager.getConnection(h2Url);
                    default -> mariadb.connect();
                };
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, ExecutorSettings.defaults());
    }

    @AfterAll
    static void stop() {
        if (executor != null) {
            executor.close();
        }
    }

    static Stream<Arguments> cases() {
        List<String[]> pairs = List.of(
                new String[] {"gmv", null}, new String[] {"gmv", "region"}, new String[] {"gmv", "metric_time__month"},
                new String[] {"gmv", "metric_time__week"}, new String[] {"units_sold", "metric_time__year"},
                new String[] {"order_count", "category"}, new String[] {"order_count", "city"},
                new String[] {"active_customers", "gender"}, new String[] {"refund_rate", "channel"},
                new String[] {"refund_rate", null}, new String[] {"avg_order_value", "store_type"},
                new String[] {"avg_order_value", "brand"}, new String[] {"gross_margin", "metric_time__quarter"},
                new String[] {"gross_profit", "customer_segment"}, new String[] {"avg_rating", "customer_segment"},
                new String[] {"avg_rating", "metric_time__month"}, new String[] {"inventory_on_hand", "category"},
                new String[] {"inventory_on_hand", "metric_time__month"}, new String[] {"inventory_on_hand", null},
                new String[] {"gmv_yoy", "metric_time__month"}, new String[] {"gmv_yoy", "metric_time__quarter"});
        return Stream.of("postgres", "mariadb", "h2").flatMap(engine -> pairs.stream().map(p -> Arguments.of(engine, p[0], p[1])));
    }

    @ParameterizedTest(name = "{0}: {1} by {2}")
    @MethodSource("cases")
    void compiledSqlAnswersAsHandWrittenSql(String engine, String metric, String dimension) throws SQLException {
        MetricQuery query = MetricQuery.builder().metrics(metric)
                .dimensions(dimension == null ? new String[0] : new String[] {dimension}).build();
        MetricCompiler compiler = engine.equals("mariadb") ? mariadbCompiler : postgresCompiler;
        Dialect dialect = switch (engine) {
            case "postgres" -> Dialect.POSTGRES;
            case "h2" -> Dialect.H2;
            default -> Dialect.MARIADB;
        };
        QueryResult result = executor.execute(compiler.compile(query, Caller.system(), new Target(engine, dialect)));
        HandWrittenSql oracle = switch (engine) {
            case "postgres" -> new HandWrittenSql(HandWrittenSql.POSTGRES, "retail");
            case "h2" -> new HandWrittenSql(HandWrittenSql.H2, "retail");
            default -> new HandWrittenSql(HandWrittenSql.MARIADB, mariadb.name());
        };
        Connection connection = switch (engine) {
            case "postgres" -> postgres.connect();
            case "h2" -> java.sql.DriverManager.getConnection(h2Url);
            default -> mariadb.connect();
        };
        List<List<Object>> expected = DemoDuckDb.Rows.query(connection, oracle.sql(metric, dimension));
        ResultAssert.assertSameRows(engine + ": " + metric + " by " + dimension, result, expected);
    }
}
