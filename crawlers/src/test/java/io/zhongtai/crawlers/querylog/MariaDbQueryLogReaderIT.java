package io.zhongtai.crawlers.querylog;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.DatasetUsage;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.sql.JSqlParserLineageExtractor;
import io.zhongtai.testing.TestDatabase;
import io.zhongtai.testing.TestingMariaDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** performance_schema statement digests of a real MariaDB 11.4 started with performance_schema on. */
class MariaDbQueryLogReaderIT {
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void harvestsReadsAndWritesOfTheServer() throws SQLException {
        TestingMariaDb server = TestingMariaDb.instance();
        TestDatabase database = server.createDatabase("querylog");
        server.grantQueryLog(database);
        String schema = database.name();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (customer_id INT PRIMARY KEY, email VARCHAR(100))");
            statement.execute("CREATE TABLE orders (order_id INT PRIMARY KEY, customer_id INT, amount DECIMAL(10,2), status VARCHAR(20))");
            statement.execute("CREATE TABLE order_totals (customer_id INT, total DECIMAL(12,2))");
            statement.execute("INSERT INTO customers VALUES (1, 'a@example.com'), (2, 'b@example.com')");
            statement.execute("INSERT INTO orders VALUES (1, 1, 10, 'paid'), (2, 2, 20, 'paid'), (3, 2, 5, 'cancelled')");
            for (int i = 0; i < 4; i++) {
                statement.executeQuery("SELECT o.order_id, c.email FROM orders o JOIN customers c ON c.customer_id = o.customer_id "
                        + "WHERE o.status IN ('paid', 'refunded') AND o.order_id > " + i).close();
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO order_totals (customer_id, total) "
                    + "SELECT customer_id, SUM(amount) FROM orders WHERE status = ? GROUP BY customer_id")) {
                insert.setString(1, "paid");
                insert.executeUpdate();
            }
        }

        List<QueryDigest> digests = new MySqlQueryLogReader().read(database.connect());

        QueryDigest join = digests.stream()
                .filter(d -> schema.equals(d.schema()) && d.sql().contains("JOIN") && d.sql().contains("customers"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no digest of the join among " + digests));
        assertThat(join.calls()).isEqualTo(4);
        assertThat(join.id()).startsWith(schema + ":");

        QueryLogAnalyzer.Datasets catalog = (s, name) -> s.equals(schema) && List.of("orders", "customers", "order_totals").contains(name)
                ? Optional.of(AssetId.of(AssetType.TABLE, "maria", s, name))
                : Optional.empty();
        QueryLogAnalyzer.Result result = new QueryLogAnalyzer(new JSqlParserLineageExtractor())
                .analyze("maria", Dialect.MARIADB, digests, Map.of(), DAY, catalog);

        assertThat(result.usage()).contains(
                new DatasetUsage(AssetId.of(AssetType.TABLE, "maria", schema, "customers"), DAY, 4),
                new DatasetUsage(AssetId.of(AssetType.TABLE, "maria", schema, "orders"), DAY, 5));
        JobLineage totals = result.jobs().stream()
                .filter(job -> job.job().equals(AssetId.of(AssetType.JOB, "maria", "querylog." + schema + ".order_totals")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no job among " + result.jobs() + "; warnings " + result.warnings()));
        assertThat(totals.inputs()).containsExactly(AssetId.of(AssetType.TABLE, "maria", schema, "orders"));
        assertThat(totals.columns()).contains(new ColumnEdge(
                AssetId.of(AssetType.COLUMN, "maria", schema, "orders", "amount"),
                AssetId.of(AssetType.COLUMN, "maria", schema, "order_totals", "total")));
    }
}
