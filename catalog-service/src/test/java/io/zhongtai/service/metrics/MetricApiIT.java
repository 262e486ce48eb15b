package io.zhongtai.service.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.service.TestingZhongtai.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metrics API on the running service with the demo (scale 0.05): marketplace, queries, lifecycle, policies, dbt. */
class MetricApiIT {
    private static final TestingZhongtai ZHONGTAI = TestingZhongtai.get();

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void theDemoMetricsAreListedCertifiedAndSearchableInBothLanguages() {
        String viewer = ZHONGTAI.tokenFor("metrics-viewer", "viewer");
        JsonNode page = ZHONGTAI.send("GET", "/api/v1/metrics?size=50", viewer, null).json();
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(11);
        List<String> names = new ArrayList<>();
        page.get("items").forEach(m -> names.add(m.get("name").asText()));
        assertThat(names).contains("gmv", "order_count", "units_sold", "avg_order_value", "active_customers", "refund_rate",
                "gross_profit", "gross_margin", "avg_rating", "inventory_on_hand", "gmv_yoy");
        JsonNode certified = ZHONGTAI.send("GET", "/api/v1/metrics?certified=true&domain=Sales&size=100", viewer, null).json();
        certified.get("items").forEach(m -> {
            assertThat(m.get("status").asText()).isEqualTo("certified");
            assertThat(m.get("domain").asText()).isEqualTo("Sales");
        });
        JsonNode chinese = ZHONGTAI.send("GET", "/api/v1/metrics?q=" + TestingZhongtai.encode("客单价"), viewer, null).json();
        assertThat(chinese.get("items")).extracting(m -> m.get("name").asText()).containsExactly("avg_order_value");
        JsonNode paged = ZHONGTAI.send("GET", "/api/v1/metrics?domain=Sales&page=1&size=2", viewer, null).json();
        assertThat(paged.get("page").asInt()).isEqualTo(1);
        assertThat(paged.get("items")).hasSize(2);
    }

    @Test
    void aMetricShowsItsDefinitionVersionsLineageAndSampleValues() {
        String viewer = ZHONGTAI.tokenFor("metrics-viewer", "viewer");
        JsonNode gmv = ZHONGTAI.send("GET", "/api/v1/metrics/gmv", viewer, null).json();
        assertThat(gmv.at("/metric/labels/zh").asText()).isEqualTo("成交额");
        assertThat(gmv.at("/definition/filter").asText()).isEqualTo("order_status = 'paid'");
        assertThat(gmv.get("versions").get(0).get("status").asText()).isEqualTo("certified");
        assertThat(texts(gmv.at("/lineage/columns"))).contains("column:demo.retail.order_items.quantity",
                "column:demo.retail.orders.status");
        assertThat(gmv.at("/sample/rows")).hasSize(12);
        assertThat(gmv.at("/sample/rows/0/0").asText()).isEqualTo("2025-12-01");
        assertThat(gmv.at("/sample/rows/0/1").isNumber()).isTrue();
        Response missing = ZHONGTAI.send("GET", "/api/v1/metrics/gmw", viewer, null);
        assertThat(missing.status()).isEqualTo(404);
        // the metric is an asset of the catalog too, with its owner and domain
        JsonNode asset = ZHONGTAI.send("GET", "/api/v1/assets/" + TestingZhongtai.encode("metric:gmv"), viewer, null).json();
        assertThat(asset.at("/owners/0/id").asText()).isEqualTo("group:data-team");
    }

    @Test
    void analystsQueryWithTheBodyOfApiMd() {
        String analyst = ZHONGTAI.tokenFor("metrics-analyst", "analyst");
        Map<String, Object> body = Map.of(
                "metrics", List.of("gmv"), "dimensions", List.of("region", "metric_time"), "grain", "month",
                "filters", List.of("channel = 'online'", "category IN ('Beauty', 'Apparel')"),
                "timeRange", Map.of("start", "2024-01-01", "end", "2024-12-31"),
                "comparisons", List.of("previous_period", "same_period_last_year"),
                "orderBy", List.of(Map.of("field", "gmv", "direction", "desc")), "limit", 10, "warehouse", "demo");
        Response response = ZHONGTAI.send("POST", "/api/v1/metrics/query", analyst, body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode result = response.json();
        assertThat(result.get("columns")).extracting(c -> c.get("name").asText()).containsExactly("region", "metric_time",
                "gmv", "gmv__previous_period", "gmv__previous_period_diff", "gmv__previous_period_growth",
                "gmv__same_period_last_year", "gmv__same_period_last_year_diff", "gmv__same_period_last_year_growth");
        assertThat(result.get("columns")).extracting(c -> c.get("type").asText())
                .startsWith("string", "date", "decimal");
        assertThat(result.get("rows")).hasSize(10);
        assertThat(result.get("truncated").asBoolean()).isTrue();
        JsonNode first = result.get("rows").get(0);
        assertThat(first.get(0).isTextual()).isTrue();
        assertThat(first.get(1).asText()).matches("2024-\\d\\d-01");
        assertThat(first.get(2).isNumber()).isTrue();
        assertThat(first.get(2).asDouble()).isGreaterThanOrEqualTo(result.get("rows").get(1).get(2).asDouble());
        assertThat(result.get("sql").asText()).contains("'online'");
        JsonNode explained = ZHONGTAI.send("POST", "/api/v1/metrics/explain", analyst, body).json();
        assertThat(explained.get("sql").asText()).isEqualTo(result.get("sql").asText());
        String viewer = ZHONGTAI.tokenFor("metrics-viewer", "viewer");
        assertThat(ZHONGTAI.send("POST", "/api/v1/metrics/query", viewer, body).status()).isEqualTo(403);
    }

    @Test
    void anUnreachableDimensionIsAProblemNamingMetricDimensionAndReach() {
        String analyst = ZHONGTAI.tokenFor("metrics-analyst", "analyst");
        Response refused = ZHONGTAI.send("POST", "/api/v1/metrics/query", analyst,
                Map.of("metrics", List.of("avg_rating"), "dimensions", List.of("category")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode problem = refused.json();
        assertThat(problem.get("type").asText()).endsWith("unreachable-dimension");
        assertThat(problem.get("detail").asText()).contains("metric 'avg_rating' cannot be grouped by 'category'")
                .contains("It can reach: channel, city");
        Response badFilter = ZHONGTAI.send("POST", "/api/v1/metrics/query", analyst,
                Map.of("metrics", List.of("gmv"), "filters", List.of("region = 'East' AND")));
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.json().at("/position/line").asInt()).isEqualTo(1);
        assertThat(badFilter.json().at("/position/column").asInt()).isEqualTo(20);
        Response badBody = ZHONGTAI.send("POST", "/api/v1/metrics/query", analyst,
                Map.of("metrics", List.of("gmv"), "grain", "fortnight", "limt", 3));
        assertThat(badBody.status()).isEqualTo(400);
        assertThat(badBody.json().get("detail").asText()).contains("grain: unknown value 'fortnight'")
                .contains("limt: unknown field");
    }

    @Test
    void aMetricIsDraftedReviewedAndOnlyStewardsCertifyIt() {
        String analyst = ZHONGTAI.tokenFor("metrics-analyst", "analyst");
        String steward = ZHONGTAI.tokenFor("metrics-steward", "steward");
        Map<String, Object> definition = Map.of("name", "api_online_gmv", "type", "simple", "measure", "revenue",
                "filter", "order_status = 'paid' AND channel = 'online'", "label", Map.of("en", "Online GMV", "zh", "线上成交额"),
                "owner", "data-team", "domain", "Sales");
        Response created = ZHONGTAI.send("POST", "/api/v1/metrics", analyst, definition);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("status").asText()).isEqualTo("draft");
        assertThat(ZHONGTAI.send("POST", "/api/v1/metrics/api_online_gmv/submit", analyst, Map.of("reason", "ready"))
                .json().get("status").asText()).isEqualTo("in_review");
        assertThat(ZHONGTAI.send("POST", "/api/v1/metrics/api_online_gmv/certify", analyst, null).status()).isEqualTo(403);
        JsonNode certified = ZHONGTAI.send("POST", "/api/v1/metrics/api_online_gmv/certify", steward,
                Map.of("reason", "matches the finance report")).json();
        assertThat(certified.get("status").asText()).isEqualTo("certified");
        assertThat(certified.get("by").asText()).isEqualTo("metrics-steward");
        // a change makes a new draft; the certified version stays in use
        Response changed = ZHONGTAI.send("PUT", "/api/v1/metrics/api_online_gmv", analyst, Map.of("name", "api_online_gmv",
                "type", "simple", "measure", "revenue", "filter", "channel = 'online'", "label", "Online GMV",
                "reason", "include refunds"));
        assertThat(changed.json().get("status").asText()).isEqualTo("draft");
        assertThat(changed.json().get("version").asInt()).isEqualTo(4);
        assertThat(changed.json().get("reason").asText()).isEqualTo("include refunds");
        JsonNode detail = ZHONGTAI.send("GET", "/api/v1/metrics/api_online_gmv", analyst, null).json();
        assertThat(detail.at("/metric/status").asText()).isEqualTo("certified");
        assertThat(detail.at("/metric/latestStatus").asText()).isEqualTo("draft");
        assertThat(detail.at("/definition/filter").asText()).isEqualTo("order_status = 'paid' AND channel = 'online'");
        assertThat(detail.at("/pendingDefinition/filter").asText()).isEqualTo("channel = 'online'");
        JsonNode versions = ZHONGTAI.send("GET", "/api/v1/metrics/api_online_gmv/versions", analyst, null).json();
        assertThat(versions.get("total").asInt()).isEqualTo(4);
        assertThat(versions.at("/items/0/changes")).extracting(c -> c.get("field").asText()).contains("filter", "status");
        Response invalid = ZHONGTAI.send("POST", "/api/v1/metrics", analyst, Map.of("name", "api_broken", "type", "simple",
                "measure", "revenu"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("detail").asText()).contains("unknown measure 'revenu'; did you mean revenue");
    }

    @Test
    void aGroupPolicyRestrictsRowsByTheUsersRegionAndHidesAMetric() {
        String admin = ZHONGTAI.adminToken();
        String east = ZHONGTAI.tokenFor("metrics-east", "analyst");
        assertThat(ZHONGTAI.send("POST", "/api/v1/groups", admin, Map.of("name", "metrics-east-sales",
                "members", List.of("metrics-east"))).status()).isIn(201, 409);
        assertThat(ZHONGTAI.send("PUT", "/api/v1/metrics/users/metrics-east/attributes", admin,
                Map.of("region", "East")).status()).isEqualTo(200);
        Response policy = ZHONGTAI.send("POST", "/api/v1/metrics/definitions", admin, Map.of("policies", List.of(Map.of(
                "name", "metrics-east-only", "subject", "group:metrics-east-sales",
                "row_filters", List.of("region = user_attribute('region')"),
                "hidden_metrics", List.of("gross_profit"), "masked_dimensions", List.of("customer_segment")))));
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        east = ZHONGTAI.login("metrics-east", "password-of-metrics-east");
        JsonNode byRegion = ZHONGTAI.send("POST", "/api/v1/metrics/query", east,
                Map.of("metrics", List.of("gmv"), "dimensions", List.of("region"))).json();
        assertThat(byRegion.get("rows")).extracting(r -> r.get(0).asText()).containsExactly("East");
        JsonNode bySegment = ZHONGTAI.send("POST", "/api/v1/metrics/query", east,
                Map.of("metrics", List.of("order_count"), "dimensions", List.of("customer_segment"))).json();
        assertThat(bySegment.get("rows")).extracting(r -> r.get(0).asText()).containsExactly("***");
        assertThat(ZHONGTAI.send("POST", "/api/v1/metrics/query", east, Map.of("metrics", List.of("gross_profit")))
                .status()).isEqualTo(400);
        assertThat(ZHONGTAI.send("GET", "/api/v1/metrics/gross_profit", east, null).status()).isEqualTo(404);
        Response inventory = ZHONGTAI.send("POST", "/api/v1/metrics/query", east, Map.of("metrics", List.of("avg_rating")));
        assertThat(inventory.status()).isEqualTo(200);
        // others are not restricted
        String analyst = ZHONGTAI.tokenFor("metrics-analyst", "analyst");
        JsonNode all = ZHONGTAI.send("POST", "/api/v1/metrics/query", analyst,
                Map.of("metrics", List.of("gmv"), "dimensions", List.of("region"))).json();
        assertThat(all.get("rows")).hasSize(6);
    }

    @Test
    void aDbtSemanticManifestIsImportedAndQueried() throws IOException {
        String steward = ZHONGTAI.tokenFor("metrics-steward", "steward");
        String manifest;
        try (InputStream in = MetricApiIT.class.getResourceAsStream("/dbt/semantic_manifest.json")) {
            manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the fixture's model names are the demo's; import them under other names so the demo stays as it is
        manifest = manifest.replace("\"name\": \"orders\"", "\"name\": \"dbt_orders\"")
                .replace("\"name\": \"order_items\"", "\"name\": \"dbt_order_items\"")
                .replace("\"name\": \"customers\"", "\"name\": \"dbt_customers\"")
                .replace("\"name\": \"feedback\",", "\"name\": \"dbt_feedback\",")
                .replace("\"name\": \"order_count\"", "\"name\": \"dbt_order_count\"")
                .replace("{\"name\": \"order_count\"}", "{\"name\": \"dbt_order_count\"}")
                .replace("\"name\": \"revenue\"", "\"name\": \"dbt_revenue\"")
                .replace("\"measure\": \"revenue\"", "\"measure\": \"dbt_revenue\"")
                .replace("\"name\": \"buyers\"", "\"name\": \"dbt_buyers\"")
                .replace("\"measure\": \"buyers\"", "\"measure\": \"dbt_buyers\"")
                .replace("\"name\": \"feedbacks\"", "\"name\": \"dbt_feedbacks\"");
        Response imported = ZHONGTAI.sendRaw("POST", "/api/v1/metrics/import/dbt?warehouse=demo", steward, manifest);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("metrics").has("paid_revenue")).isTrue();
        JsonNode result = ZHONGTAI.send("POST", "/api/v1/metrics/query", steward, Map.of("metrics", List.of("paid_revenue", "gmv"),
                "dimensions", List.of("metric_time__year"))).json();
        assertThat(result.get("rows")).hasSize(2);
        result.get("rows").forEach(row -> assertThat(row.get(1).asDouble()).isCloseTo(row.get(2).asDouble(),
                org.assertj.core.data.Offset.offset(0.01)));
    }

    @Test
    void dimensionsListTheirLabelsAndTheValuesReadFromTheWarehouse() {
        String viewer = ZHONGTAI.tokenFor("metrics-viewer", "viewer");
        JsonNode dimensions = ZHONGTAI.send("GET", "/api/v1/metrics/dimensions", viewer, null).json();
        JsonNode region = null;
        JsonNode brand = null;
        for (JsonNode dimension : dimensions) {
            if (dimension.get("name").asText().equals("region")) {
                region = dimension;
            } else if (dimension.get("name").asText().equals("brand")) {
                brand = dimension;
            }
        }
        assertThat(region.at("/labels/zh").asText()).isEqualTo("地区");
        assertThat(region.get("values")).extracting(v -> v.get("value").asText() + "=" + v.get("zh").asText())
                .contains("East=华东", "Northeast=东北");
        // brands are declared nowhere: read from retail.products
        assertThat(brand.get("values").size()).isGreaterThan(3);
    }

    @Test
    void theOpenApiDocumentDescribesTheMetricsEndpoints() {
        String document = ZHONGTAI.send("GET", "/openapi.yml", null, null).body();
        assertThat(document).contains("/api/v1/metrics/query:", "/api/v1/metrics/explain:", "/api/v1/metrics/{name}:",
                "/api/v1/metrics/{name}/certify:", "/api/v1/metrics/import/dbt:");
    }
}
