package io.zhongtai.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.service.TestingZhongtai.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The catalog API over the crawled demo warehouse. */
class AssetApiIT {
    private final TestingZhongtai zhongtai = TestingZhongtai.get();
    private final String admin = zhongtai.adminToken();

    private static String asset(String id) {
        return "/api/v1/assets/" + TestingZhongtai.encode(id);
    }

    @Test
    void demoWarehouseIsCrawledOnFirstStart() {
        JsonNode tables = zhongtai.send("GET", "/api/v1/assets?type=table&warehouse=demo&size=100", admin, null).json();
        assertThat(tables.get("items").findValuesAsText("qualifiedName")).containsExactlyInAnyOrder(
                "demo.mart.customer_ltv",
                "demo.mart.daily_sales",
                "demo.mart.inventory_cover",
                "demo.mart.region_daily",
                "demo.retail.customer_feedback",
                "demo.retail.customers",
                "demo.retail.inventory_snapshots",
                "demo.retail.order_items",
                "demo.retail.orders",
                "demo.retail.products",
                "demo.retail.regions",
                "demo.retail.stores");
        JsonNode warehouses = zhongtai.send("GET", "/api/v1/warehouses", admin, null).json();
        assertThat(warehouses.findValuesAsText("name")).contains("demo");
        assertThat(warehouses.get(0).has("password")).isFalse();
    }

    @Test
    void tableComesWithColumnsKeysOwnersAndStatistics() {
        Response response = zhongtai.send("GET", asset("table:demo.retail.orders"), admin, null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode orders = response.json();
        assertThat(orders.get("id").asText()).isEqualTo("table:demo.retail.orders");
        assertThat(orders.get("type").asText()).isEqualTo("table");
        assertThat(orders.get("name").asText()).isEqualTo("orders");
        assertThat(orders.get("qualifiedName").asText()).isEqualTo("demo.retail.orders");
        assertThat(orders.get("description").asText()).isNotBlank();
        assertThat(orders.get("owners").get(0).get("id").asText()).isEqualTo("group:sales-ops");
        assertThat(orders.get("rowCount").asLong()).isPositive();
        assertThat(orders.get("primaryKey").asText()).isEqualTo("order_id");
        JsonNode columns = orders.get("columns");
        assertThat(columns.findValuesAsText("name")).containsExactly("order_id", "customer_id", "store_id", "order_date", "status", "channel");
        JsonNode orderId = columns.get(0);
        assertThat(orderId.get("id").asText()).isEqualTo("column:demo.retail.orders.order_id");
        assertThat(orderId.get("dataType").asText()).isEqualTo("BIGINT");
        assertThat(orderId.get("nullable").asBoolean()).isFalse();
        assertThat(orderId.get("position").asInt()).isEqualTo(1);
        assertThat(columns.get(5).get("description").isNull()).as("orders.channel is left blank on purpose").isTrue();
        assertThat(orders.get("foreignKeys").findValuesAsText("references").toString()).isNotEmpty();
        assertThat(orders.get("foreignKeys")).anySatisfy(key ->
                assertThat(key.get("references").get(0).asText()).isEqualTo("column:demo.retail.customers.customer_id"));
        JsonNode column = zhongtai.send("GET", asset("column:demo.retail.customers.email"), admin, null).json();
        assertThat(column.get("dataType").asText()).isEqualTo("VARCHAR");
    }

    @Test
    void stewardCuratesAnAssetAndHistoryShowsWhoChangedWhat() {
        String steward = zhongtai.tokenFor("asset-steward", "steward");
        zhongtai.send("POST", "/api/v1/tags", steward, Map.of("name", "certified-source"));
        zhongtai.send("POST", "/api/v1/terms", steward, Map.of("name", "Store", "description", "A shop", "synonyms", List.of("门店")));
        String stores = asset("table:demo.retail.stores");
        long before = zhongtai.send("GET", stores, admin, null).json().get("version").asLong();

        Response patched = zhongtai.send("PATCH", stores, steward, Map.of(
                "description", "Every store, online fulfilment centres included",
                "tags", List.of(Map.of("name", "certified-source")),
                "terms", List.of("Store")));
        assertThat(patched.status()).isEqualTo(200);
        JsonNode body = patched.json();
        assertThat(body.get("description").asText()).isEqualTo("Every store, online fulfilment centres included");
        assertThat(body.get("tags").get(0).get("source").asText()).isEqualTo("manual");
        assertThat(body.get("terms").get(0).asText()).isEqualTo("Store");
        assertThat(body.get("owners").get(0).get("id").asText()).as("owners stay when not given").isEqualTo("group:sales-ops");
        assertThat(body.get("version").asLong()).isEqualTo(before + 1);

        JsonNode history = zhongtai.send("GET", stores + "/history", admin, null).json();
        JsonNode latest = history.get("items").get(0);
        assertThat(latest.get("version").asLong()).isEqualTo(before + 1);
        assertThat(latest.get("by").asText()).isEqualTo("asset-steward");
        assertThat(latest.get("breaking").asBoolean()).isFalse();
        assertThat(latest.get("changes").findValuesAsText("field")).containsExactly("description", "tags", "terms");
        assertThat(history.get("items").get(history.get("items").size() - 1).get("version").asLong()).isEqualTo(1);
        assertThat(history.get("total").asLong()).isGreaterThanOrEqualTo(before + 1);
    }

    @Test
    void badInputGetsAProblemAndChangesNothing() {
        String customers = asset("table:demo.retail.customers");
        JsonNode before = zhongtai.send("GET", customers, admin, null).json();

        Response malformed = zhongtai.sendRaw("PATCH", customers, admin, "{\"description\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(malformed.json().get("detail").asText()).contains("Malformed JSON");
        assertThat(malformed.json().get("position").get("line").asInt()).isEqualTo(1);
        assertThat(malformed.json().get("position").get("column").asInt()).isGreaterThan(1);

        Response unknownField = zhongtai.send("PATCH", customers, admin, Map.of("descripton", "typo"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("errors").get(0).get("field").asText()).isEqualTo("descripton");

        Response unknownOwner = zhongtai.send("PATCH", customers, admin, Map.of("description", "x", "owners", List.of("user:ghost")));
        assertThat(unknownOwner.status()).isEqualTo(400);
        assertThat(unknownOwner.json().get("type").asText()).isEqualTo("urn:zhongtai:problem:unknown-reference");
        assertThat(unknownOwner.json().get("errors").get(0).get("field").asText()).isEqualTo("owners");

        Response wrongType = zhongtai.send("PATCH", customers, admin, Map.of("owners", List.of("table:demo.retail.orders")));
        assertThat(wrongType.status()).isEqualTo(400);
        Response notAList = zhongtai.send("PATCH", customers, admin, Map.of("terms", "Store"));
        assertThat(notAList.status()).isEqualTo(400);
        Response empty = zhongtai.send("PATCH", customers, admin, Map.of());
        assertThat(empty.status()).isEqualTo(400);

        JsonNode after = zhongtai.send("GET", customers, admin, null).json();
        assertThat(after.get("version")).isEqualTo(before.get("version"));
        assertThat(after.get("description")).isEqualTo(before.get("description"));

        Response missing = zhongtai.send("GET", asset("table:demo.retail.nothing_here"), admin, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asText()).isEqualTo("urn:zhongtai:problem:asset-not-found");
        Response badId = zhongtai.send("GET", asset("table:demo.Retail.orders"), admin, null);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("detail").asText()).contains("quoted");
        assertThat(zhongtai.send("GET", "/api/v1/assets?type=tabel", admin, null).status()).isEqualTo(400);
        assertThat(zhongtai.send("GET", "/api/v1/assets?size=5000", admin, null).status()).isEqualTo(400);
    }

    @Test
    void listsPageAndFilter() {
        JsonNode page = zhongtai.send("GET", "/api/v1/assets?type=column&warehouse=demo&page=1&size=10", admin, null).json();
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(10);
        assertThat(page.get("items")).hasSize(10);
        assertThat(page.get("total").asLong()).isGreaterThan(50);
        JsonNode search = zhongtai.send("GET", "/api/v1/assets?q=feedback&type=table", admin, null).json();
        assertThat(search.get("items").findValuesAsText("id")).contains("table:demo.retail.customer_feedback");
    }

    @Test
    void identifiersWithPercentSpacesAndQuotesTravelAsOneEncodedSegment() {
        String steward = zhongtai.tokenFor("id-steward", "steward");
        assertThat(zhongtai.send("POST", "/api/v1/terms", steward, Map.of("name", "100% \"Sure\" Rate")).status()).isIn(201, 409);
        Response term = zhongtai.send("GET", asset("term:100% \"Sure\" Rate"), steward, null);
        assertThat(term.status()).isEqualTo(200);
        assertThat(term.json().get("name").asText()).isEqualTo("100% \"Sure\" Rate");
    }

    @Test
    void glossaryTermsTagsAndDomainsHaveTheirOwnLifecycle() {
        String steward = zhongtai.tokenFor("glossary-steward", "steward");
        Response created = zhongtai.send("POST", "/api/v1/domains", steward, Map.of("name", "Store Logistics", "description", "Stock"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("id").asText()).isEqualTo("domain:Store Logistics");
        assertThat(zhongtai.send("POST", "/api/v1/domains", steward, Map.of("name", "Store Logistics")).status()).isEqualTo(409);
        Response put = zhongtai.send("PUT", "/api/v1/domains/Store%20Logistics", steward, Map.of("description", "Stock and stores", "synonyms", List.of("供应链")));
        assertThat(put.json().get("version").asLong()).isEqualTo(2);
        zhongtai.send("PATCH", asset("table:demo.retail.inventory_snapshots"), steward, Map.of("domain", "Store Logistics"));
        assertThat(zhongtai.send("GET", asset("table:demo.retail.inventory_snapshots"), steward, null).json().get("domain").asText())
                .isEqualTo("Store Logistics");
        Response inUse = zhongtai.send("DELETE", "/api/v1/domains/Store%20Logistics", steward, null);
        assertThat(inUse.status()).isEqualTo(409);
        assertThat(inUse.json().get("detail").asText()).contains("still on 1 asset");
        Response cleared = zhongtai.sendRaw("PATCH", asset("table:demo.retail.inventory_snapshots"), steward, "{\"domain\": null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("domain").isNull()).isTrue();
        assertThat(zhongtai.send("DELETE", "/api/v1/domains/Store%20Logistics", steward, null).status()).isEqualTo(204);
        assertThat(zhongtai.send("GET", "/api/v1/domains/Store%20Logistics", steward, null).status()).isEqualTo(404);
    }
}
