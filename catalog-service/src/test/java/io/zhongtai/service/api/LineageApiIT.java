package io.zhongtai.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.service.TestingZhongtai.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SQL lineage, jobs, walks and impact over the demo warehouse, whose four ETL jobs the demo registers. */
class LineageApiIT {
    private final TestingZhongtai zhongtai = TestingZhongtai.get();
    private final String admin = zhongtai.adminToken();

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> sourcesOf(JsonNode columns, String target) {
        for (JsonNode column : columns) {
            if (column.get("target").asText().equals(target)) {
                return texts(column.get("sources"));
            }
        }
        throw new AssertionError("no target " + target + " in " + columns);
    }

    @Test
    void sqlLineageAnswersTablesAndColumnsAndStoresNothing() {
        String sql = "INSERT INTO mart.top_customers (customer_id, spent)\n"
                + "SELECT o.customer_id, SUM(i.unit_price * i.quantity) FROM retail.orders o\n"
                + "JOIN retail.order_items i ON i.order_id = o.order_id WHERE o.status = 'paid' GROUP BY o.customer_id;\n"
                + "DELETE FROM mart.top_customers WHERE spent < 10";
        Response response = zhongtai.send(
                "POST", "/api/v1/lineage/sql", admin, Map.of("sql", sql, "dialect", "duckdb", "defaultDatabase", "demo"));
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(texts(body.get("inputs"))).containsExactly("demo.retail.order_items", "demo.retail.orders");
        assertThat(texts(body.get("outputs"))).containsExactly("demo.mart.top_customers");
        assertThat(sourcesOf(body.get("columns"), "demo.mart.top_customers.customer_id"))
                .containsExactly("demo.retail.orders.customer_id");
        assertThat(sourcesOf(body.get("columns"), "demo.mart.top_customers.spent"))
                .containsExactly("demo.retail.order_items.quantity", "demo.retail.order_items.unit_price");
        assertThat(body.get("statements")).hasSize(2);
        assertThat(body.get("statements").get(1).get("start").get("line").asInt()).isEqualTo(4);
        assertThat(texts(body.get("statements").get(1).get("outputs"))).containsExactly("demo.mart.top_customers");

        Response stored = zhongtai.send("GET", "/api/v1/assets/" + TestingZhongtai.encode("table:demo.mart.top_customers"), admin, null);
        assertThat(stored.status()).isEqualTo(404);
    }

    @Test
    void selectStarIsExpandedFromTheCatalogWhenTheWarehouseIsKnown() {
        JsonNode body = zhongtai.send(
                        "POST",
                        "/api/v1/lineage/sql",
                        admin,
                        Map.of("sql", "CREATE TABLE mart.regions_copy AS SELECT * FROM retail.regions", "dialect", "duckdb",
                                "warehouse", "demo"))
                .json();
        List<String> targets = body.get("columns").findValuesAsText("target");
        assertThat(targets).contains("mart.regions_copy.region_id").doesNotContain("mart.regions_copy.*");
        assertThat(sourcesOf(body.get("columns"), "mart.regions_copy.region_id")).containsExactly("retail.regions.region_id");
    }

    @Test
    void invalidSqlIsAProblemWithItsPosition() {
        Response response = zhongtai.send(
                "POST", "/api/v1/lineage/sql", admin, Map.of("sql", "SELECT 1;\nSELEC amount FROM orders", "dialect", "postgres"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        JsonNode problem = response.json();
        assertThat(problem.get("position").get("line").asInt()).isEqualTo(2);
        assertThat(problem.get("position").get("column").asInt()).isEqualTo(1);
        assertThat(problem.get("detail").asText()).containsIgnoringCase("statement 2");

        Response unknownDialect = zhongtai.send("POST", "/api/v1/lineage/sql", admin, Map.of("sql", "SELECT 1", "dialect", "cobol"));
        assertThat(unknownDialect.status()).isEqualTo(400);
        assertThat(unknownDialect.json().get("detail").asText()).contains("cobol");
    }

    @Test
    void viewersMayWalkLineageButNotParseSqlOrRegisterJobs() {
        String viewer = zhongtai.tokenFor("lineage-viewer", "viewer");
        assertThat(zhongtai.send("POST", "/api/v1/lineage/sql", viewer, Map.of("sql", "SELECT 1")).status()).isEqualTo(403);
        assertThat(zhongtai.send("POST", "/api/v1/jobs", viewer, Map.of("name", "x", "warehouse", "demo", "sql", "SELECT 1"))
                        .status())
                .isEqualTo(403);
        assertThat(zhongtai.send("GET", "/api/v1/lineage/" + TestingZhongtai.encode("table:demo.mart.daily_sales"), viewer, null)
                        .status())
                .isEqualTo(200);
        assertThat(zhongtai.send("POST", "/api/v1/lineage/sql", null, Map.of("sql", "SELECT 1")).status()).isEqualTo(401);
    }

    @Test
    void theDemoEtlJobsAreRegisteredWithTheirLineage() {
        JsonNode jobs = zhongtai.send("GET", "/api/v1/jobs?warehouse=demo&size=100", admin, null).json();
        assertThat(jobs.get("items").findValuesAsText("id")).contains(
                "job:demo.load_daily_sales", "job:demo.load_region_daily", "job:demo.load_customer_ltv", "job:demo.load_inventory_cover");

        JsonNode job = zhongtai.send("GET", "/api/v1/jobs/" + TestingZhongtai.encode("job:demo.load_daily_sales"), admin, null).json();
        assertThat(texts(job.get("inputs"))).containsExactly("table:demo.retail.order_items", "table:demo.retail.orders");
        assertThat(texts(job.get("outputs"))).containsExactly("table:demo.mart.daily_sales");
        assertThat(job.get("properties").get("sql").asText()).contains("CREATE OR REPLACE TABLE mart.daily_sales");
        List<String> revenueSources = new ArrayList<>();
        job.get("columns").forEach(edge -> {
            if (edge.get("target").asText().equals("column:demo.mart.daily_sales.revenue")) {
                revenueSources.add(edge.get("source").asText());
            }
        });
        assertThat(revenueSources).containsExactlyInAnyOrder(
                "column:demo.retail.order_items.quantity",
                "column:demo.retail.order_items.unit_price",
                "column:demo.retail.order_items.discount");
    }

    @Test
    void walksUpstreamAtTableAndColumnLevel() {
        JsonNode tables = zhongtai.send(
                        "GET",
                        "/api/v1/lineage/" + TestingZhongtai.encode("table:demo.mart.daily_sales") + "?direction=upstream&depth=3",
                        admin,
                        null)
                .json();
        assertThat(tables.get("nodes").get(0).get("id").asText()).isEqualTo("table:demo.mart.daily_sales");
        assertThat(tables.get("nodes").findValuesAsText("id"))
                .containsExactlyInAnyOrder("table:demo.mart.daily_sales", "table:demo.retail.orders", "table:demo.retail.order_items");
        assertThat(tables.get("edges")).anySatisfy(edge -> {
            assertThat(edge.get("from").asText()).isEqualTo("table:demo.retail.orders");
            assertThat(edge.get("to").asText()).isEqualTo("table:demo.mart.daily_sales");
            assertThat(edge.get("via").asText()).isEqualTo("job:demo.load_daily_sales");
        });

        JsonNode columns = zhongtai.send(
                        "GET",
                        "/api/v1/lineage/" + TestingZhongtai.encode("column:demo.mart.daily_sales.revenue")
                                + "?direction=upstream&level=column",
                        admin,
                        null)
                .json();
        assertThat(columns.get("nodes").findValuesAsText("id")).containsExactlyInAnyOrder(
                "column:demo.mart.daily_sales.revenue",
                "column:demo.retail.order_items.quantity",
                "column:demo.retail.order_items.unit_price",
                "column:demo.retail.order_items.discount");

        Response badDepth = zhongtai.send(
                "GET", "/api/v1/lineage/" + TestingZhongtai.encode("table:demo.mart.daily_sales") + "?depth=11", admin, null);
        assertThat(badDepth.status()).isEqualTo(400);
        assertThat(badDepth.json().get("detail").asText()).contains("depth");
        Response unknown = zhongtai.send("GET", "/api/v1/lineage/" + TestingZhongtai.encode("table:demo.retail.nothing"), admin, null);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void aTableThatFeedsAMetricShowsTheEdgeWithNoJob() {
        JsonNode walk = zhongtai.send(
                        "GET",
                        "/api/v1/lineage/" + TestingZhongtai.encode("table:demo.retail.customer_feedback") + "?direction=downstream&depth=1",
                        admin,
                        null)
                .json();
        assertThat(walk.get("nodes").findValuesAsText("id")).contains("metric:avg_rating");
        assertThat(walk.get("edges")).anySatisfy(edge -> {
            assertThat(edge.get("from").asText()).isEqualTo("table:demo.retail.customer_feedback");
            assertThat(edge.get("to").asText()).isEqualTo("metric:avg_rating");
            assertThat(edge.get("via").isNull()).isTrue();
        });
    }

    @Test
    void impactOfAColumnReachesTheMartsWithTheirOwnersAndJobs() {
        JsonNode impact = zhongtai.send(
                        "GET", "/api/v1/lineage/" + TestingZhongtai.encode("column:demo.retail.order_items.unit_price") + "/impact",
                        admin, null)
                .json();
        assertThat(impact.get("assets").findValuesAsText("id"))
                .contains("column:demo.mart.daily_sales.revenue", "table:demo.mart.daily_sales");
        assertThat(texts(impact.get("jobs"))).contains("job:demo.load_daily_sales");
        assertThat(impact.get("groups")).anySatisfy(group -> {
            assertThat(group.get("type").asText()).isEqualTo("table");
            assertThat(group.get("owner").asText()).isEqualTo("group:data-team");
            assertThat(group.get("assets").findValuesAsText("id")).contains("table:demo.mart.daily_sales");
        });
        assertThat(impact.get("byType").get("table").asInt()).isEqualTo(
                (int) impact.get("assets").findValuesAsText("type").stream().filter("table"::equals).count());
    }

    @Test
    void aJobIsVersionedWhenItsSqlChangesAndPiiFollowsItsColumns() {
        Map<String, Object> job = Map.of(
                "name", "export_contacts",
                "warehouse", "demo",
                "sql", "INSERT INTO mart.contact_export (contact) SELECT email FROM retail.customers",
                "description", "Contacts for the newsletter tool");
        Response created = zhongtai.send("POST", "/api/v1/jobs", admin, job);
        assertThat(created.status()).isIn(200, 201);
        String id = TestingZhongtai.encode("job:demo.export_contacts");
        JsonNode contact = zhongtai.send("GET", "/api/v1/assets/" + TestingZhongtai.encode("column:demo.mart.contact_export.contact"),
                        admin, null)
                .json();
        assertThat(contact.get("tags")).anySatisfy(tag -> {
            assertThat(tag.get("name").asText()).isEqualTo("pii");
            assertThat(tag.get("kind").asText()).isEqualTo("email");
            assertThat(tag.get("source").asText()).isEqualTo("propagated");
        });

        Response updated = zhongtai.send("PUT", "/api/v1/jobs/" + id, admin,
                Map.of("sql", "INSERT INTO mart.contact_export (contact) SELECT city FROM retail.customers"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("version").asLong()).isEqualTo(created.json().get("version").asLong() + 1);
        JsonNode history = zhongtai.send("GET", "/api/v1/assets/" + id + "/history", admin, null).json();
        assertThat(history.get("items").get(0).get("changes").findValuesAsText("field")).contains("sql");
        JsonNode after = zhongtai.send("GET", "/api/v1/assets/" + TestingZhongtai.encode("column:demo.mart.contact_export.contact"),
                        admin, null)
                .json();
        assertThat(after.get("tags").findValuesAsText("name")).doesNotContain("pii");

        Response badSql = zhongtai.send("PUT", "/api/v1/jobs/" + id, admin, Map.of("sql", "INSERT INTO x SELEC 1"));
        assertThat(badSql.status()).isEqualTo(400);
        assertThat(badSql.json().has("position")).isTrue();
        JsonNode unchanged = zhongtai.send("GET", "/api/v1/jobs/" + id, admin, null).json();
        assertThat(unchanged.get("properties").get("sql").asText()).contains("SELECT city");

        assertThat(zhongtai.send("DELETE", "/api/v1/jobs/" + id, admin, null).status()).isEqualTo(204);
        assertThat(zhongtai.send("GET", "/api/v1/jobs/" + id, admin, null).status()).isEqualTo(404);
        Response unknownWarehouse = zhongtai.send("POST", "/api/v1/jobs", admin,
                Map.of("name", "x", "warehouse", "nowhere", "sql", "SELECT 1"));
        assertThat(unknownWarehouse.status()).isEqualTo(404);
    }
}
