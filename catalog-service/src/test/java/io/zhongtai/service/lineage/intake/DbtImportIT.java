package io.zhongtai.service.lineage.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageOrigin;
import io.zhongtai.core.lineage.LineageStore;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.testing.DbtFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dbt fixture project (test-support's manifest v12 and catalog.json over the demo's tables)
 * imported through the API into a crawled DuckDB warehouse that holds the demo's tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DbtImportIT {
    private static final String WAREHOUSE = "dbt-shop";

    private final TestingZhongtai zhongtai = TestingZhongtai.get();
    private final LineageStore lineage = zhongtai.bean(LineageStore.class);
    private String admin;
    private String steward;
    private JsonNode imported;

    private static String project() {
        return "{\"manifest\": " + DbtFixtures.manifest() + ", \"catalog\": " + DbtFixtures.catalog() + "}";
    }

    private TestingZhongtai.Response importProject(String token, String warehouse, String body) {
        return zhongtai.send("POST", "/api/v1/dbt/import" + (warehouse == null ? "" : "?warehouse=" + warehouse), token, body);
    }

    private JsonNode asset(String id) {
        TestingZhongtai.Response response = zhongtai.send("GET", "/api/v1/assets/" + TestingZhongtai.encode(id), admin, null);
        assertThat(response.status()).as(id).isEqualTo(200);
        return response.json();
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.get(field).asText()));
        return names;
    }

    @BeforeAll
    void crawlAWarehouseWithTheDemosTablesAndImport() throws Exception {
        admin = zhongtai.adminToken();
        steward = zhongtai.tokenFor("dbt-steward", "steward");
        Path file = Files.createDirectories(zhongtai.home().resolve("dbt-test")).resolve("demo.duckdb");
        assertThat(zhongtai.send("POST", "/api/v1/warehouses", admin, Map.of("name", WAREHOUSE, "jdbcUrl", "jdbc:duckdb:" + file))
                .status()).isEqualTo(201);
        zhongtai.execute(WAREHOUSE,
                "CREATE SCHEMA retail",
                "CREATE SCHEMA mart",
                "CREATE TABLE retail.regions (region_id INT PRIMARY KEY, region_name VARCHAR)",
                "CREATE TABLE retail.stores (store_id INT PRIMARY KEY, region_id INT, city VARCHAR)",
                "CREATE TABLE retail.customers (customer_id INT PRIMARY KEY, email VARCHAR)",
                "CREATE TABLE retail.orders (order_id BIGINT PRIMARY KEY, customer_id INT, store_id INT, order_date DATE, "
                        + "status VARCHAR, channel VARCHAR)",
                "COMMENT ON TABLE retail.orders IS 'Orders as the shop system lands them.'",
                "CREATE TABLE retail.order_items (order_id BIGINT, line_no INT, product_id INT, quantity INT, "
                        + "unit_price DECIMAL(10,2), discount DECIMAL(4,3))",
                "CREATE TABLE mart.daily_sales (sale_date DATE, store_id INT, product_id INT, revenue DECIMAL(18,5), "
                        + "units BIGINT, orders BIGINT)",
                "COMMENT ON TABLE mart.daily_sales IS 'Built by the load_daily_sales job.'",
                "CREATE TABLE mart.region_daily (sale_date DATE, region_name VARCHAR, revenue DECIMAL(18,5), units BIGINT)",
                "CREATE TABLE mart.customer_ltv (customer_id INT, first_order_date DATE, last_order_date DATE, orders BIGINT, "
                        + "revenue DECIMAL(18,5))");
        JsonNode crawl = zhongtai.awaitCrawl(admin, zhongtai.send("POST", "/api/v1/warehouses/" + WAREHOUSE + "/crawl", admin, null).json());
        assertThat(crawl.get("status").asText()).isEqualTo("succeeded");

        TestingZhongtai.Response response = importProject(steward, WAREHOUSE, project());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        imported = response.json();
    }

    @Test
    void answersWhatTheManifestHeldAndWhatChanged() {
        JsonNode manifest = imported.get("manifest");
        assertThat(imported.get("project").asText()).isEqualTo("retail_mart");
        assertThat(manifest.get("models").asInt()).isEqualTo(4);
        assertThat(manifest.get("ephemeralModels").asInt()).isEqualTo(1);
        assertThat(manifest.get("seeds").asInt()).isEqualTo(1);
        assertThat(manifest.get("sources").asInt()).isEqualTo(5);
        assertThat(manifest.get("tests").asInt()).isEqualTo(5);
        assertThat(manifest.get("singularTests").asInt()).isEqualTo(1);
        assertThat(manifest.get("jobs").asInt()).isEqualTo(4);
        assertThat(imported.get("jobsChanged").asInt()).isEqualTo(4);
        assertThat(imported.get("assetsCurated").asInt()).isGreaterThan(10);
        // alice owns region_performance in the project but is no user here
        List<String> warnings = new ArrayList<>();
        imported.get("warnings").forEach(warning -> warnings.add(warning.asText()));
        assertThat(warnings).containsExactly("Owner 'alice' (meta.owner) is no user or group here; it was not applied");
    }

    @Test
    void modelsBecomeJobsWithColumnLineage() {
        JobLineage daily = lineage.findJob(AssetId.parse("job:dbt-shop.dbt_daily_sales")).orElseThrow();
        assertThat(daily.origin()).isEqualTo(LineageOrigin.DBT);
        assertThat(daily.inputs()).containsExactly(
                AssetId.parse("table:dbt-shop.retail.order_items"), AssetId.parse("table:dbt-shop.retail.orders"));
        assertThat(daily.outputs()).containsExactly(AssetId.parse("table:dbt-shop.mart.daily_sales"));
        assertThat(daily.columns()).contains(
                new ColumnEdge(AssetId.parse("column:dbt-shop.retail.order_items.unit_price"),
                        AssetId.parse("column:dbt-shop.mart.daily_sales.revenue")),
                new ColumnEdge(AssetId.parse("column:dbt-shop.retail.orders.order_date"),
                        AssetId.parse("column:dbt-shop.mart.daily_sales.sale_date")));
        JobLineage region = lineage.findJob(AssetId.parse("job:dbt-shop.dbt_region_daily")).orElseThrow();
        assertThat(region.inputs()).containsExactly(
                AssetId.parse("table:dbt-shop.mart.daily_sales"),
                AssetId.parse("table:dbt-shop.retail.regions"),
                AssetId.parse("table:dbt-shop.retail.stores"));
    }

    @Test
    void documentationOwnersTagsAndTestsAreCurated() {
        JsonNode daily = asset("table:dbt-shop.mart.daily_sales");
        assertThat(daily.get("description").asText()).isEqualTo("Paid sales per day, store and product.");
        assertThat(names(daily.get("owners"), "id")).containsExactly("group:data-team");
        assertThat(names(daily.get("tags"), "name")).containsExactlyInAnyOrder("sales", "daily");
        JsonNode revenue = null;
        for (JsonNode column : daily.get("columns")) {
            if (column.get("name").asText().equals("revenue")) {
                revenue = column;
            }
        }
        assertThat(revenue).isNotNull();
        assertThat(revenue.get("description").asText()).isEqualTo("Revenue after line discounts, in CNY.");
        assertThat(names(revenue.get("tags"), "name")).containsExactlyInAnyOrder("finance", "dbt_not_null");
        assertThat(names(asset("column:dbt-shop.retail.orders.status").get("tags"), "name")).containsExactly("dbt_accepted_values");
        assertThat(names(asset("column:dbt-shop.mart.customer_ltv.customer_id").get("tags"), "name"))
                .containsExactlyInAnyOrder("dbt_unique", "dbt_relationships");
        // the same description as the warehouse's comment is left as it is; the owner is added
        JsonNode orders = asset("table:dbt-shop.retail.orders");
        assertThat(names(orders.get("owners"), "id")).containsExactly("group:sales-ops");
        JsonNode history = zhongtai.send("GET", "/api/v1/assets/" + TestingZhongtai.encode("table:dbt-shop.retail.orders") + "/history",
                admin, null).json();
        JsonNode latest = history.get("items").get(0);
        assertThat(latest.get("by").asText()).isEqualTo("dbt-steward");
        assertThat(latest.get("changes").findValuesAsText("field")).doesNotContain("description").contains("owners");
        JsonNode dailyHistory = zhongtai.send("GET", "/api/v1/assets/" + TestingZhongtai.encode("table:dbt-shop.mart.daily_sales")
                + "/history", admin, null).json();
        assertThat(dailyHistory.get("items").get(0).get("by").asText()).isEqualTo("dbt-steward");
    }

    @Test
    void datasetsTheWarehouseLacksAreCreatedAsExternalAssets() {
        JsonNode performance = asset("view:dbt-shop.mart.region_performance");
        assertThat(names(performance.get("columns"), "name"))
                .containsExactly("region_name", "year", "target_revenue", "actual_revenue", "attainment");
        assertThat(performance.get("description").asText()).isEqualTo("Actual revenue against the yearly target, per region.");
        assertThat(asset("table:dbt-shop.mart.region_targets").get("columns").findValuesAsText("dataType"))
                .containsExactly("VARCHAR", "INTEGER", "DECIMAL(18,2)");
    }

    @Test
    void aSecondImportOfTheSameProjectChangesNothing() {
        TestingZhongtai.Response again = importProject(steward, WAREHOUSE, project());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("jobsChanged").asInt()).isZero();
        assertThat(again.json().get("assetsCurated").asInt()).isZero();
        assertThat(again.json().get("tagsCreated").asInt()).isZero();
    }

    @Test
    void refusesWhatItCannotImport() {
        String analyst = zhongtai.tokenFor("dbt-analyst", "analyst");
        assertThat(importProject(analyst, WAREHOUSE, project()).status()).isEqualTo(403);
        assertThat(importProject(null, WAREHOUSE, project()).status()).isEqualTo(401);
        TestingZhongtai.Response noWarehouse = importProject(steward, null, project());
        assertThat(noWarehouse.status()).isEqualTo(400);
        assertThat(noWarehouse.json().get("detail").asText()).startsWith("warehouse: is required");
        assertThat(importProject(steward, "no-such-warehouse", project()).status()).isEqualTo(404);

        String broken = DbtFixtures.manifest()
                .replace("\"name\": \"region_daily\"", "\"name\": \"region_daily_renamed\"")
                .replaceFirst("\"schema\": \"mart\"", "\"schema\": \"\"");
        TestingZhongtai.Response refused = importProject(steward, WAREHOUSE, broken);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asText())
                .isEqualTo("manifest.nodes[\"model.retail_mart.paid_orders\"].schema");
        assertThat(lineage.findJob(AssetId.parse("job:dbt-shop.dbt_region_daily_renamed"))).isEmpty();
        assertThat(importProject(steward, WAREHOUSE, "{\"manifest\": [1]}").status()).isEqualTo(400);
    }
}
