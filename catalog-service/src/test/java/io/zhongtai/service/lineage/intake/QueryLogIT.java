package io.zhongtai.service.lineage.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.DatasetUsage;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageOrigin;
import io.zhongtai.core.lineage.LineageStore;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.testing.TestDatabase;
import io.zhongtai.testing.TestingMariaDb;
import io.zhongtai.testing.TestingPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Query logs of a real PostgreSQL (pg_stat_statements) and a real MariaDB (performance_schema)
 * harvested by the running service, after a crawl and on demand: reads become usage per table
 * per day, writes from other tables become lineage.
 */
class QueryLogIT {
    private final TestingZhongtai zhongtai = TestingZhongtai.get();
    private final LineageStore lineage = zhongtai.bean(LineageStore.class);
    private final String admin = zhongtai.adminToken();

    private JsonNode register(String name, TestDatabase database) {
        TestingZhongtai.Response registered = zhongtai.send("POST", "/api/v1/warehouses", admin, Map.of(
                "name", name, "jdbcUrl", database.jdbcUrl(), "username", database.user(), "password", database.password()));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        JsonNode run = zhongtai.awaitCrawl(admin, zhongtai.send("POST", "/api/v1/warehouses/" + name + "/crawl", admin, null).json());
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        return run;
    }

    private long readsToday(AssetId dataset) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return lineage.usage(dataset, today, today).stream().mapToLong(DatasetUsage::reads).sum();
    }

    private static void createShop(TestDatabase database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (customer_id INT PRIMARY KEY, email VARCHAR(100))");
            statement.execute("CREATE TABLE orders (order_id INT PRIMARY KEY, customer_id INT, amount DECIMAL(10,2), status VARCHAR(20))");
            statement.execute("CREATE TABLE order_totals (customer_id INT, total DECIMAL(12,2))");
            statement.execute("INSERT INTO customers VALUES (1, 'a@example.com'), (2, 'b@example.com')");
            statement.execute("INSERT INTO orders VALUES (1, 1, 10, 'paid'), (2, 2, 20, 'paid'), (3, 2, 5, 'cancelled')");
        }
    }

    private static void runWorkload(TestDatabase database, int reads) throws SQLException {
        try (Connection connection = database.connect()) {
            try (PreparedStatement read = connection.prepareStatement(
                    "SELECT o.order_id, c.email FROM orders o JOIN customers c ON c.customer_id = o.customer_id WHERE o.status = ?")) {
                for (int i = 0; i < reads; i++) {
                    read.setString(1, "paid");
                    read.executeQuery().close();
                }
            }
            try (PreparedStatement write = connection.prepareStatement("INSERT INTO order_totals (customer_id, total) "
                    + "SELECT customer_id, SUM(amount) FROM orders WHERE status = ? GROUP BY customer_id")) {
                write.setString(1, "paid");
                write.executeUpdate();
            }
        }
    }

    @Test
    void postgresReadsAndWritesReachUsageAndLineage() throws Exception {
        TestDatabase database = TestingPostgres.instance().createDatabase("svc_qlog");
        TestingPostgres.instance().enableQueryStatistics(database);
        createShop(database);
        JsonNode crawl = register("qlog-pg", database);
        // the crawl ends with a first harvest, which sets the counters
        assertThat(crawl.get("log").toString()).contains("Query log: ");

        AssetId orders = AssetId.parse("table:qlog-pg.public.orders");
        AssetId customers = AssetId.parse("table:qlog-pg.public.customers");
        long ordersBefore = readsToday(orders);
        long customersBefore = readsToday(customers);
        runWorkload(database, 7);

        TestingZhongtai.Response harvest = zhongtai.send("POST", "/api/v1/warehouses/qlog-pg/query-log", admin, null);
        assertThat(harvest.status()).as(harvest.body()).isEqualTo(200);
        assertThat(harvest.json().get("jobsChanged").get(0).asText()).isEqualTo("job:qlog-pg.\"querylog.public.order_totals\"");
        // seven joins read both tables; the INSERT ... SELECT reads orders once more
        assertThat(readsToday(customers) - customersBefore).isEqualTo(7);
        assertThat(readsToday(orders) - ordersBefore).isEqualTo(8);

        JobLineage job = lineage.findJob(AssetId.parse("job:qlog-pg.\"querylog.public.order_totals\"")).orElseThrow();
        assertThat(job.origin()).isEqualTo(LineageOrigin.QUERY_LOG);
        assertThat(job.inputs()).containsExactly(orders);
        assertThat(job.columns()).contains(new ColumnEdge(
                AssetId.parse("column:qlog-pg.public.orders.amount"), AssetId.parse("column:qlog-pg.public.order_totals.total")));

        // nothing ran since: a second harvest adds nothing
        long ordersAfter = readsToday(orders);
        JsonNode again = zhongtai.send("POST", "/api/v1/warehouses/qlog-pg/query-log", admin, null).json();
        assertThat(again.get("jobsChanged")).isEmpty();
        assertThat(readsToday(orders) - ordersAfter).isLessThanOrEqualTo(0);
    }

    @Test
    void mariaDbDigestsReachUsageAndLineage() throws Exception {
        TestingMariaDb server = TestingMariaDb.instance();
        TestDatabase database = server.createDatabase("svc_qlog");
        server.grantQueryLog(database);
        createShop(database);
        register("qlog-maria", database);

        String schema = database.name();
        AssetId orders = AssetId.of(AssetType.TABLE, "qlog-maria", schema, "orders");
        long before = readsToday(orders);
        runWorkload(database, 3);
        TestingZhongtai.Response harvest = zhongtai.send("POST", "/api/v1/warehouses/qlog-maria/query-log", admin, null);
        assertThat(harvest.status()).as(harvest.body()).isEqualTo(200);

        assertThat(readsToday(orders) - before).isEqualTo(4);
        JobLineage job = lineage.findJob(AssetId.of(AssetType.JOB, "qlog-maria", "querylog." + schema + ".order_totals")).orElseThrow();
        assertThat(job.inputs()).containsExactly(orders);
        assertThat(job.columns()).contains(new ColumnEdge(
                AssetId.of(AssetType.COLUMN, "qlog-maria", schema, "orders", "customer_id"),
                AssetId.of(AssetType.COLUMN, "qlog-maria", schema, "order_totals", "customer_id")));
    }

    @Test
    void aWarehouseWithoutQueryLogSaysHowToEnableIt() {
        TestDatabase database = TestingPostgres.instance().createDatabase("svc_noqlog");
        JsonNode crawl = register("qlog-off", database);
        assertThat(crawl.get("log").toString()).contains("Query log not read: pg_stat_statements is not installed");

        TestingZhongtai.Response refused = zhongtai.send("POST", "/api/v1/warehouses/qlog-off/query-log", admin, null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asText()).endsWith("query-log-unavailable");
        assertThat(refused.json().get("detail").asText()).contains("CREATE EXTENSION pg_stat_statements");
    }

    @Test
    void onlyStewardsHarvestAndOnlyFromServersThatLog() {
        String analyst = zhongtai.tokenFor("qlog-analyst", "analyst");
        String steward = zhongtai.tokenFor("qlog-steward", "steward");
        assertThat(zhongtai.send("POST", "/api/v1/warehouses/demo/query-log", analyst, null).status()).isEqualTo(403);
        TestingZhongtai.Response duckdb = zhongtai.send("POST", "/api/v1/warehouses/demo/query-log", steward, null);
        assertThat(duckdb.status()).isEqualTo(400);
        assertThat(duckdb.json().get("detail").asText()).contains("postgres, mysql and mariadb").contains("'demo' is duckdb");
        assertThat(zhongtai.send("POST", "/api/v1/warehouses/nowhere/query-log", steward, null).status()).isEqualTo(404);
    }
}
