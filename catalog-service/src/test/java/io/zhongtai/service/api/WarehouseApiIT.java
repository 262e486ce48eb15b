package io.zhongtai.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.crawlers.jdbc.JdbcWarehouseConnections;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.service.TestingZhongtai.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Registering, crawling and removing warehouses through the API. */
class WarehouseApiIT {
    private final TestingZhongtai zhongtai = TestingZhongtai.get();
    private final String admin = zhongtai.adminToken();

    private Path duckDbFile(String name) {
        return zhongtai.home().resolve("test-" + name + ".duckdb");
    }



    private JsonNode crawl(String name) throws InterruptedException {
        Response started = zhongtai.send("POST", "/api/v1/warehouses/" + name + "/crawl", admin, null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().get("status").asText()).isIn("running", "succeeded");
        return zhongtai.awaitCrawl(admin, started.json());
    }

    @Test
    void registeredWarehouseIsCrawledIncrementallyAndItsPasswordNeverShows() throws Exception {
        String name = "shop";
        Response registered = zhongtai.send("POST", "/api/v1/warehouses", admin, Map.of(
                "name", name,
                "jdbcUrl", "jdbc:duckdb:" + duckDbFile(name),
                "username", "reader",
                "password", "hunter2-secret",
                "excludeSchemas", List.of("scratch")));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.body()).doesNotContain("hunter2");
        assertThat(registered.json().get("dialect").asText()).isEqualTo("duckdb");
        assertThat(registered.json().get("hasPassword").asBoolean()).isTrue();
        String sealed = zhongtai.bean(WarehouseStore.class).find(name).orElseThrow().encryptedPassword();
        assertThat(sealed).startsWith("v1:").doesNotContain("hunter2");
        assertThat(zhongtai.send("GET", "/api/v1/warehouses/" + name, admin, null).body()).doesNotContain("hunter2").doesNotContain("v1:");

        Response duplicate = zhongtai.send("POST", "/api/v1/warehouses", admin, Map.of("name", name, "jdbcUrl", "jdbc:duckdb:"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("detail").asText()).contains("already registered");

        zhongtai.execute(name,
                "CREATE SCHEMA sales",
                "CREATE SCHEMA scratch",
                "CREATE TABLE sales.customers (id INTEGER PRIMARY KEY, name VARCHAR)",
                "CREATE TABLE sales.orders (id BIGINT PRIMARY KEY, customer_id INTEGER REFERENCES sales.customers(id), amount DECIMAL(10,2))",
                "COMMENT ON TABLE sales.orders IS 'Orders'",
                "CREATE VIEW sales.big_orders AS SELECT id, amount FROM sales.orders WHERE amount > 100",
                "CREATE TABLE scratch.tmp (x INTEGER)",
                "INSERT INTO sales.customers VALUES (1, 'Ann'), (2, 'Bo')");
        JsonNode first = crawl(name);
        assertThat(first.get("status").asText()).isEqualTo("succeeded");
        assertThat(first.get("progress").asDouble()).isEqualTo(1.0);
        // schema, three datasets, 2 + 3 + 2 columns; scratch is excluded
        assertThat(first.get("added").asInt()).isEqualTo(11);
        assertThat(first.get("log").toString()).contains("Done: 11 added");
        JsonNode view = zhongtai.send("GET", "/api/v1/assets/" + TestingZhongtai.encode("view:shop.sales.big_orders"), admin, null).json();
        assertThat(view.get("viewSql").asText()).containsIgnoringCase("amount > 100");
        JsonNode customers = zhongtai.send("GET", "/api/v1/assets/" + TestingZhongtai.encode("table:shop.sales.customers"), admin, null).json();
        assertThat(customers.get("rowCount").asLong()).isEqualTo(2);
        assertThat(zhongtai.send("GET", "/api/v1/assets?warehouse=shop&q=scratch", admin, null).json().get("total").asLong()).isZero();

        JsonNode again = crawl(name);
        assertThat(List.of(again.get("added").asInt(), again.get("changed").asInt(), again.get("removed").asInt()))
                .containsExactly(0, 0, 0);

        zhongtai.execute(name, "DROP VIEW sales.big_orders", "ALTER TABLE sales.customers ADD COLUMN email VARCHAR");
        JsonNode third = crawl(name);
        assertThat(third.get("added").asInt()).isEqualTo(1);
        assertThat(third.get("changed").asInt()).isEqualTo(1);
        assertThat(third.get("removed").asInt()).isEqualTo(3);
        JsonNode history = zhongtai.send("GET", "/api/v1/assets/" + TestingZhongtai.encode("table:shop.sales.customers") + "/history", admin, null).json();
        assertThat(history.get("items").get(0).get("changes").get(0).get("field").asText()).isEqualTo("columns.email");
        JsonNode runs = zhongtai.send("GET", "/api/v1/warehouses/" + name + "/crawls", admin, null).json();
        assertThat(runs.get("total").asLong()).isEqualTo(3);

        assertThat(zhongtai.send("DELETE", "/api/v1/warehouses/" + name, admin, null).status()).isEqualTo(204);
        assertThat(zhongtai.send("GET", "/api/v1/warehouses/" + name, admin, null).status()).isEqualTo(404);
        assertThat(zhongtai.send("GET", "/api/v1/assets?warehouse=shop", admin, null).json().get("total").asLong()).isZero();
    }

    @Test
    void crawlOfAnUnreachableWarehouseFailsWithAReasonAndKeepsWhatIsStored() throws Exception {
        String name = "broken";
        zhongtai.send("POST", "/api/v1/warehouses", admin, Map.of("name", name, "jdbcUrl", "jdbc:duckdb:/no/such/directory/x.duckdb"));
        long assetsBefore = zhongtai.send("GET", "/api/v1/assets", admin, null).json().get("total").asLong();
        JsonNode run = crawl(name);
        assertThat(run.get("status").asText()).isEqualTo("failed");
        assertThat(run.get("error").asText()).contains("Cannot connect to warehouse 'broken'");
        assertThat(run.get("log").toString()).contains("nothing was written");
        assertThat(zhongtai.send("GET", "/api/v1/assets", admin, null).json().get("total").asLong()).isEqualTo(assetsBefore);
        assertThat(zhongtai.send("GET", "/health", null, null).status()).isEqualTo(200);
    }

    @Test
    void badRegistrationsAreRefusedWithTheFieldAtFault() {
        Response badName = zhongtai.send("POST", "/api/v1/warehouses", admin, Map.of("name", "Bad Name", "jdbcUrl", "jdbc:duckdb:"));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        Response badUrl = zhongtai.send("POST", "/api/v1/warehouses", admin, Map.of("name", "x1", "jdbcUrl", "postgres://host/db"));
        assertThat(badUrl.status()).isEqualTo(400);
        assertThat(badUrl.json().get("errors").get(0).get("field").asText()).isEqualTo("jdbcUrl");
        Response badDialect = zhongtai.send("POST", "/api/v1/warehouses", admin, Map.of("name", "x2", "jdbcUrl", "jdbc:duckdb:", "dialect", "oracle9"));
        assertThat(badDialect.status()).isEqualTo(400);
        Response badCron = zhongtai.send("POST", "/api/v1/warehouses", admin, Map.of("name", "x3", "jdbcUrl", "jdbc:duckdb:", "schedule", "daily"));
        assertThat(badCron.status()).isEqualTo(400);
        assertThat(zhongtai.send("GET", "/api/v1/warehouses/x1", admin, null).status()).isEqualTo(404);
        assertThat(zhongtai.send("POST", "/api/v1/warehouses/missing/crawl", admin, null).status()).isEqualTo(404);
        assertThat(zhongtai.send("GET", "/api/v1/crawls/no-such-run", admin, null).status()).isEqualTo(404);
    }
}
