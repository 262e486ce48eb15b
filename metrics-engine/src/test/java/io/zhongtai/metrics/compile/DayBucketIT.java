package io.zhongtai.metrics.compile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.FieldError;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.metrics.execute.ExecutorSettings;
import io.zhongtai.metrics.execute.MetricExecutor;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.CompiledQuery;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.metrics.semantic.SemanticIndex;
import io.zhongtai.metrics.testing.ResultAssert;
import io.zhongtai.metrics.yaml.DefinitionReader;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A time dimension stated to be a DATE is grouped by day as it is; a TIMESTAMP, or a type not
 * stated, is cast to DATE first. Both answer the same days on real DuckDB.
 */
class DayBucketIT {
    private static final String MODELS = """
            semantic_models:
              - name: visits
                warehouse: site
                table: site.events
                default_time_dimension: visit_day
                entities: [{name: visit, type: primary, expr: event_id}]
                dimensions:
                  - {name: visit_day, type: time, grain: day, data_type: date, expr: happened_on}
                measures:
                  - {name: visit_amount, agg: sum, expr: amount}
              - name: clicks
                warehouse: site
                table: site.events
                default_time_dimension: click_time
                entities: [{name: click, type: primary, expr: event_id}]
                dimensions:
                  - {name: click_time, type: time, grain: day%s, expr: happened_at}
                measures:
                  - {name: click_amount, agg: sum, expr: amount}
            metrics:
              - {name: visit_total, type: simple, measure: visit_amount}
              - {name: click_total, type: simple, measure: click_amount}
            """;
    private static DuckDBConnection database;
    private static MetricExecutor executor;

    @BeforeAll
    static void start() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        database = (DuckDBConnection) DriverManager.getConnection(
                "jdbc:duckdb:" + Files.createTempDirectory("day-bucket").resolve("warehouse.duckdb"), properties);
        try (Statement statement = database.createStatement()) {
            statement.execute("CREATE SCHEMA site");
            statement.execute("CREATE TABLE site.events (event_id INT, happened_on DATE, happened_at TIMESTAMP, amount INT)");
            statement.execute("INSERT INTO site.events VALUES"
                    + " (1, DATE '2025-03-01', TIMESTAMP '2025-03-01 00:00:00', 1),"
                    + " (2, DATE '2025-03-01', TIMESTAMP '2025-03-01 23:59:59', 2),"
                    + " (3, DATE '2025-03-02', TIMESTAMP '2025-03-02 12:30:00', 4),"
                    + " (4, DATE '2025-03-04', TIMESTAMP '2025-03-04 08:00:00', 8)");
        }
        executor = new MetricExecutor(warehouse -> {
            try {
                return database.duplicate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, ExecutorSettings.defaults());
    }

    @AfterAll
    static void stop() throws SQLException {
        executor.close();
        database.close();
    }

    private static CompiledQuery compile(String clickType, String metric) {
        MetricCompiler compiler = new MetricCompiler(new SemanticIndex(
                DefinitionReader.readYaml(MODELS.formatted(clickType), "site.yml")));
        return compiler.compile(MetricQuery.builder().metrics(metric).dimensions("metric_time").grain(TimeGrain.DAY)
                .timeRange("2025-03-01", "2025-03-31").build(), Caller.system(), new Target("site", Dialect.DUCKDB));
    }

    private static Map<LocalDate, Double> byDay(QueryResult result) {
        Map<LocalDate, Double> out = new LinkedHashMap<>();
        for (List<Object> row : result.rows()) {
            out.put((LocalDate) row.get(0), ResultAssert.number(row.get(1)));
        }
        return out;
    }

    private static final Map<LocalDate, Double> EXPECTED = Map.of(LocalDate.of(2025, 3, 1), 3.0,
            LocalDate.of(2025, 3, 2), 4.0, LocalDate.of(2025, 3, 4), 8.0);

    @Test
    void aStatedDateIsGroupedWithoutACast() {
        CompiledQuery compiled = compile("", "visit_total");
        assertThat(compiled.sql()).contains("GROUP BY \"visits\".\"happened_on\"").doesNotContain("CAST(");
        assertThat(byDay(executor.execute(compiled))).containsExactlyInAnyOrderEntriesOf(EXPECTED);
    }

    @Test
    void aTimestampStatedOrNotIsCastToItsDay() {
        for (String type : List.of("", ", data_type: timestamp")) {
            CompiledQuery compiled = compile(type, "click_total");
            assertThat(compiled.sql()).contains("GROUP BY CAST(\"clicks\".\"happened_at\" AS DATE)");
            assertThat(byDay(executor.execute(compiled))).as(type).containsExactlyInAnyOrderEntriesOf(EXPECTED);
        }
    }

    @Test
    void aDataTypeIsDateOrTimestampAndOnlyOnATimeDimension() {
        String model = """
                semantic_models:
                  - name: visits
                    warehouse: site
                    table: site.events
                    entities: [{name: visit, type: primary, expr: event_id}]
                    dimensions:
                      - %s
                """;
        assertThatThrownBy(() -> DefinitionReader.readYaml(model.formatted(
                "{name: visit_day, type: time, data_type: clock, expr: happened_on}"), "site.yml"))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::reason).anySatisfy(r -> assertThat(r).contains("unknown value 'clock'")));
        assertThatThrownBy(() -> DefinitionReader.readYaml(model.formatted(
                "{name: kind, data_type: date, expr: kind}"), "site.yml"))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.fieldErrors())
                        .extracting(FieldError::field, FieldError::reason).contains(org.assertj.core.groups.Tuple.tuple(
                                "site.yml: semantic_models[0].dimensions[0].data_type",
                                "only a time dimension states a data_type (date or timestamp)")));
    }
}
