package io.zhongtai.service.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.service.TestingZhongtai.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Search through the running service: the demo catalog is found as API.md shapes it, and every
 * kind of write (a steward's edit, a column's edit, a new term, a crawl that adds and drops
 * tables) reaches search on its own, without a rebuild.
 */
class SearchApiIT {
    /** How long a write may take to reach search; it takes milliseconds unless the machine is very busy. */
    private static final Duration IN_STEP = Duration.ofSeconds(20);

    private final TestingZhongtai zhongtai = TestingZhongtai.get();
    private final String admin = zhongtai.adminToken();

    private Response search(String token, String query) {
        return zhongtai.send("GET", "/api/v1/search?" + query, token, null);
    }

    private JsonNode search(String query) {
        Response response = search(admin, query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String q(String text) {
        return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
        return ids;
    }

    /** Searches until the result satisfies the condition, as a user would search again after an edit. */
    private JsonNode awaitSearch(String query, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + IN_STEP.toNanos();
        JsonNode result = search(query);
        while (!condition.test(result) && System.nanoTime() < deadline) {
            sleep(100);
            result = search(query);
        }
        return result;
    }

    @Test
    void findsDemoTablesShapedAsTheApiSays() {
        JsonNode result = search(q("orders"));
        assertThat(ids(result)).first().isEqualTo("table:demo.retail.orders");
        JsonNode hit = result.get("hits").get(0);
        assertThat(hit.get("type").asText()).isEqualTo("table");
        assertThat(hit.get("name").asText()).isEqualTo("orders");
        assertThat(hit.get("qualifiedName").asText()).isEqualTo("demo.retail.orders");
        assertThat(hit.get("snippet").asText()).contains("<em>orders</em>");
        assertThat(hit.get("score").asDouble()).isPositive();
        assertThat(hit.has("explain")).isTrue();
        assertThat(hit.get("explain").isNull()).isTrue();
        assertThat(result.get("total").asLong()).isGreaterThanOrEqualTo(ids(result).size());
        List<String> facets = new ArrayList<>();
        result.get("facets").fieldNames().forEachRemaining(facets::add);
        assertThat(facets).containsExactly("type", "warehouse", "schema", "domain", "owner", "tags", "certified");
        assertThat(result.get("facets").get("warehouse").get(0).get("value").asText()).isEqualTo("demo");
        assertThat(result.get("facets").get("type").findValuesAsText("value")).contains("table", "column");

        assertThat(ids(search(q("订单")))).first().isEqualTo("table:demo.retail.orders");
        assertThat(ids(search(q("custmers")))).first().isEqualTo("table:demo.retail.customers");
        assertThat(ids(search(q("\"order lines\"")))).first().isEqualTo("table:demo.retail.order_items");
    }

    @Test
    void takesFieldFiltersFromTheQueryAndFromParameters() {
        JsonNode personal = search(q("type:column tag:pii"));
        assertThat(ids(personal)).contains(
                "column:demo.retail.customers.email", "column:demo.retail.customers.phone",
                "column:demo.retail.customers.customer_name");
        assertThat(personal.get("facets").get("type").findValuesAsText("value")).containsExactly("column");
        assertThat(personal.get("facets").get("tags").get(0).get("value").asText()).isEqualTo("pii");

        JsonNode owned = search(q("owner:group:data-team") + "&type=table");
        assertThat(ids(owned)).contains("table:demo.mart.daily_sales").doesNotContain("table:demo.retail.orders");
        JsonNode sameByParameter = search("filter=" + URLEncoder.encode("owner:data-team", StandardCharsets.UTF_8) + "&type=table,view");
        assertThat(ids(sameByParameter)).containsExactlyInAnyOrderElementsOf(ids(owned));
        JsonNode mart = search(q("revenue") + "&filter=schema:mart&size=2&page=0");
        assertThat(mart.get("hits")).hasSize(2);
        assertThat(mart.get("size").asInt()).isEqualTo(2);
        assertThat(ids(mart)).allMatch(id -> id.contains(".mart."));
    }

    @Test
    void explainsRankingWhenAsked() {
        JsonNode explained = search(q("orders") + "&explain=true");
        assertThat(explained.get("hits").get(0).get("explain").asText()).contains("weight(").contains("rank_boost");
    }

    @Test
    void suggestsAsOneTypes() {
        Response response = zhongtai.send("GET", "/api/v1/search/suggest?q=ord", admin, null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode suggestions = response.json().get("suggestions");
        assertThat(suggestions.get(0).get("id").asText()).isEqualTo("table:demo.retail.orders");
        assertThat(suggestions.get(0).get("type").asText()).isEqualTo("table");
        assertThat(suggestions.get(0).get("name").asText()).isEqualTo("orders");
        assertThat(suggestions).hasSizeLessThanOrEqualTo(10);
        assertThat(zhongtai.send("GET", "/api/v1/search/suggest?q=ord&limit=2", admin, null).json().get("suggestions")).hasSize(2);
        Response missing = zhongtai.send("GET", "/api/v1/search/suggest", admin, null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.isProblem()).isTrue();
    }

    @Test
    void refusesWhatItCannotAnswerWithProblemsThatSayWhy() {
        assertProblem(search(admin, q("\"order items")), "never closed");
        assertProblem(search(admin, q("orders type:tabel")), "tabel");
        assertProblem(search(admin, "filter=colour:red"), "unknown filter 'colour'");
        assertProblem(search(admin, "filter=certified:maybe"), "true or false");
        assertProblem(search(admin, q("orders") + "&size=0"), "size");
        assertProblem(search(admin, q("orders") + "&page=20&size=1000"), "10000");
        assertProblem(search(admin, q("x".repeat(300))), "256");
        assertProblem(zhongtai.send("GET", "/api/v1/search/suggest?q=ord&limit=1000", admin, null), "limit");
    }

    private static void assertProblem(Response response, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asText()).contains(detail);
    }

    @Test
    void everyRoleMaySearchButNobodyWithoutAToken() {
        String viewer = zhongtai.tokenFor("search-viewer", "viewer");
        assertThat(search(viewer, q("orders")).status()).isEqualTo(200);
        assertThat(zhongtai.send("GET", "/api/v1/search/suggest?q=cust", viewer, null).status()).isEqualTo(200);
        assertThat(search(null, q("orders")).status()).isEqualTo(401);
        assertThat(zhongtai.send("GET", "/api/v1/search/suggest?q=ord", null, null).status()).isEqualTo(401);
        assertThat(zhongtai.send("GET", "/api/v1/admin/search", viewer, null).status()).isEqualTo(403);
        assertThat(zhongtai.send("POST", "/api/v1/admin/search/rebuild", viewer, null).status()).isEqualTo(403);
    }

    @Test
    void aStewardsEditIsFoundRightAfterwards() {
        String steward = zhongtai.tokenFor("search-steward", "steward");
        Response patched = zhongtai.send("PATCH", "/api/v1/assets/" + TestingZhongtai.encode("table:demo.retail.regions"), steward,
                Map.of("description", "Sales regions, also called quokkaland districts"));
        assertThat(patched.status()).isEqualTo(200);
        JsonNode found = awaitSearch(q("quokkaland"), result -> !ids(result).isEmpty());
        assertThat(ids(found)).containsExactly("table:demo.retail.regions");
        assertThat(found.get("hits").get(0).get("snippet").asText()).contains("<em>quokkaland</em>");

        // a column's edit changes its table's document too: tables are found by their columns
        zhongtai.send("PATCH", "/api/v1/assets/" + TestingZhongtai.encode("column:demo.retail.stores.city"), steward,
                Map.of("description", "City of the store, in wombatese spelling"));
        JsonNode byColumn = awaitSearch(q("wombatese"), result -> ids(result).contains("table:demo.retail.stores"));
        assertThat(ids(byColumn)).contains("table:demo.retail.stores", "column:demo.retail.stores.city");

        // a tag the steward sets narrows searches at once
        zhongtai.send("POST", "/api/v1/tags", steward, Map.of("name", "gold-source"));
        zhongtai.send("PATCH", "/api/v1/assets/" + TestingZhongtai.encode("table:demo.mart.region_daily"), steward,
                Map.of("tags", List.of("gold-source")));
        JsonNode gold = awaitSearch(q("tag:gold-source"), result -> !ids(result).isEmpty());
        assertThat(ids(gold)).containsExactly("table:demo.mart.region_daily");
    }

    @Test
    void glossaryTermsAreFoundByTheirSynonymsInEitherLanguage() {
        String steward = zhongtai.tokenFor("search-steward", "steward");
        Response created = zhongtai.send("POST", "/api/v1/terms", steward, Map.of(
                "name", "Average Basket Value",
                "description", "Paid order value divided by the number of paid orders.",
                "synonyms", List.of("AOV", "客单价")));
        assertThat(created.status()).isEqualTo(201);
        JsonNode chinese = awaitSearch(q("客单价"), result -> !ids(result).isEmpty());
        assertThat(ids(chinese)).first().isEqualTo("term:Average Basket Value");
        assertThat(ids(search(q("aov")))).first().isEqualTo("term:Average Basket Value");
        assertThat(ids(search(q("basket valeu")))).first().isEqualTo("term:Average Basket Value");
    }

    @Test
    void crawlsAddAndRemoveTablesInSearch() {
        String name = "searchshop";
        Response registered = zhongtai.send("POST", "/api/v1/warehouses", admin, Map.of(
                "name", name, "jdbcUrl", "jdbc:duckdb:" + zhongtai.home().resolve("test-" + name + ".duckdb")));
        assertThat(registered.status()).isEqualTo(201);
        zhongtai.execute(name,
                "CREATE SCHEMA ops",
                "CREATE TABLE ops.parcel_shipments (shipment_id BIGINT PRIMARY KEY, carrier VARCHAR, shipped_at TIMESTAMP)",
                "COMMENT ON TABLE ops.parcel_shipments IS 'Parcels handed to carriers (发货).'",
                "CREATE TABLE ops.returns_desk (return_id BIGINT, reason VARCHAR)");
        crawl(name);
        JsonNode shipments = awaitSearch(q("parcel shipments"), result -> ids(result).contains("table:searchshop.ops.parcel_shipments"));
        assertThat(ids(shipments)).first().isEqualTo("table:searchshop.ops.parcel_shipments");
        assertThat(ids(search(q("发货")))).first().isEqualTo("table:searchshop.ops.parcel_shipments");
        JsonNode warehouseFacet = search(q("warehouse:searchshop"));
        assertThat(ids(warehouseFacet)).contains(
                "warehouse:searchshop", "schema:searchshop.ops", "table:searchshop.ops.returns_desk",
                "column:searchshop.ops.parcel_shipments.carrier");

        zhongtai.execute(name, "DROP TABLE ops.returns_desk");
        crawl(name);
        JsonNode gone = awaitSearch(q("returns desk"), result -> !ids(result).contains("table:searchshop.ops.returns_desk"));
        assertThat(ids(gone)).doesNotContain("table:searchshop.ops.returns_desk", "column:searchshop.ops.returns_desk.reason");

        assertThat(zhongtai.send("DELETE", "/api/v1/warehouses/" + name, admin, null).status()).isEqualTo(204);
        JsonNode deleted = awaitSearch(q("warehouse:searchshop"), result -> ids(result).isEmpty());
        assertThat(deleted.get("total").asLong()).isZero();
    }

    @Test
    void adminsSeeTheIndexInStepAndRebuildItWhileSearchKeepsAnswering() {
        JsonNode status = zhongtai.send("GET", "/api/v1/admin/search", admin, null).json();
        assertThat(status.get("index").asText()).startsWith("LuceneSearchIndex");
        assertThat(status.get("documents").asLong()).isPositive();

        Response started = zhongtai.send("POST", "/api/v1/admin/search/rebuild", admin, null);
        assertThat(started.status()).isEqualTo(202);
        String id = started.json().get("id").asText();
        assertThat(started.json().get("status").asText()).isEqualTo("running");
        JsonNode run = started.json();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (run.get("status").asText().equals("running") && System.nanoTime() < deadline) {
            assertThat(ids(search(q("orders")))).first().isEqualTo("table:demo.retail.orders");
            sleep(50);
            run = zhongtai.send("GET", "/api/v1/admin/search/rebuilds/" + id, admin, null).json();
        }
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(run.get("documents").asLong()).isPositive();
        assertThat(run.get("documentsPerSecond").asDouble()).isPositive();
        assertThat(run.get("startedBy").asText()).isEqualTo("admin");
        assertThat(zhongtai.send("GET", "/api/v1/admin/search/rebuilds/no-such-run", admin, null).status()).isEqualTo(404);

        JsonNode check = zhongtai.send("GET", "/api/v1/admin/search/consistency", admin, null).json();
        assertThat(check.get("consistent").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("documents").asLong()).isEqualTo(check.get("assets").asLong());
        assertThat(check.get("appliedSequence").asLong()).isEqualTo(check.get("lastSequence").asLong());
        assertThat(ids(search(q("orders")))).first().isEqualTo("table:demo.retail.orders");
    }

    private void crawl(String name) {
        Response started = zhongtai.send("POST", "/api/v1/warehouses/" + name + "/crawl", admin, null);
        assertThat(started.status()).isEqualTo(202);
        JsonNode run = zhongtai.awaitCrawl(admin, started.json());
        assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("succeeded");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
