package io.zhongtai.crawlers.querylog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.DatasetUsage;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.sql.JSqlParserLineageExtractor;
import io.zhongtai.testing.TestDatabase;
import io.zhongtai.testing.TestingPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** pg_stat_statements of a real PostgreSQL 14, read by the database's owner with pg_read_all_stats. */
class PostgresQueryLogReaderIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final Set<String> TABLES = Set.of("public.orders", "public.customers", "public.order_totals");

    private static QueryLogAnalyzer.Datasets catalog(String warehouse) {
        return (schema, name) -> TABLES.contains(schema + "." + name)
                ? Optional.of(AssetId.of(AssetType.TABLE, warehouse, schema, name))
                : Optional.empty();
    }

    @Test
    void harvestsReadsAndWritesOfTheDatabase() throws SQLException {
        TestingPostgres server = TestingPostgres.instance();
        TestDatabase database = server.createDatabase("querylog");
        server.enableQueryStatistics(database);
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (customer_id int PRIMARY KEY, email text)");
            statement.execute("CREATE TABLE orders (order_id int PRIMARY KEY, customer_id int, amount numeric(10,2), status text)");
            statement.execute("CREATE TABLE order_totals (customer_id int, total numeric)");
            statement.execute("INSERT INTO customers VALUES (1, 'a@example.com'), (2, 'b@example.com')");
            statement.execute("INSERT INTO orders VALUES (1, 1, 10, 'paid'), (2, 2, 20, 'paid'), (3, 2, 5, 'cancelled')");
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT o.order_id, c.email FROM orders o JOIN customers c ON c.customer_id = o.customer_id WHERE o.status = ?")) {
                for (int i = 0; i < 5; i++) {
                    read.setString(1, i % 2 == 0 ? "paid" : "cancelled");
                    read.executeQuery().close();
                }
            }
            statement.execute("INSERT INTO order_totals (customer_id, total) "
                    + "SELECT customer_id, SUM(amount) FROM orders WHERE status = 'paid' GROUP BY customer_id");
        }

        List<QueryDigest> digests = new PostgresQueryLogReader().read(database.connect());

        QueryDigest join = digests.stream().filter(d -> d.sql().contains("JOIN customers")).findFirst().orElseThrow();
        assertThat(join.calls()).isEqualTo(5);
        assertThat(join.sql()).contains("o.status = $1");
        assertThat(join.id()).matches("\\d+:-?\\d+");

        QueryLogAnalyzer.Result result = new QueryLogAnalyzer(new JSqlParserLineageExtractor())
                .analyze("pg", Dialect.POSTGRES, digests, Map.of(), DAY, catalog("pg"));
        assertThat(result.usage()).contains(
                new DatasetUsage(AssetId.parse("table:pg.public.customers"), DAY, 5),
                new DatasetUsage(AssetId.parse("table:pg.public.orders"), DAY, 6));
        JobLineage totals = result.jobs().stream()
                .filter(job -> job.job().equals(AssetId.parse("job:pg.\"querylog.public.order_totals\"")))
                .findFirst()
                .orElseThrow();
        assertThat(totals.inputs()).containsExactly(AssetId.parse("table:pg.public.orders"));
        assertThat(totals.columns()).contains(new ColumnEdge(
                AssetId.parse("column:pg.public.orders.amount"), AssetId.parse("column:pg.public.order_totals.total")));

        // the next harvest counts only what ran since
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT o.order_id, c.email FROM orders o JOIN customers c ON c.customer_id = o.customer_id "
                    + "WHERE o.status = 'refunded'").close();
        }
        QueryLogAnalyzer.Result next = new QueryLogAnalyzer(new JSqlParserLineageExtractor()).analyze(
                "pg", Dialect.POSTGRES, new PostgresQueryLogReader().read(database.connect()), result.counters(), DAY, catalog("pg"));
        assertThat(next.usage()).contains(new DatasetUsage(AssetId.parse("table:pg.public.customers"), DAY, 1));
        assertThat(next.jobs()).isEmpty();
    }

    @Test
    void saysHowToInstallTheExtensionWhereItIsMissing() {
        TestDatabase database = TestingPostgres.instance().createDatabase("nolog");
        assertThatThrownBy(() -> new PostgresQueryLogReader().read(database.connect()))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.QUERY_LOG_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("CREATE EXTENSION pg_stat_statements");
                });
    }
}
