package io.zhongtai.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.service.TestingZhongtai.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Governance KPIs on the demo catalog, checked against what the catalog and lineage APIs show. */
class GovernanceApiIT {
    private final TestingZhongtai zhongtai = TestingZhongtai.get();
    private final String admin = zhongtai.adminToken();

    private JsonNode get(String path) {
        Response response = zhongtai.send("GET", path, admin, null);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.json();
    }

    /** The demo's tables and views as the catalog API lists them, each read in full. */
    private List<JsonNode> demoDatasets() {
        List<JsonNode> datasets = new ArrayList<>();
        for (String type : List.of("table", "view")) {
            for (JsonNode item : get("/api/v1/assets?type=" + type + "&warehouse=demo&size=1000").get("items")) {
                datasets.add(get("/api/v1/assets/" + TestingZhongtai.encode(item.get("id").asText())));
            }
        }
        return datasets;
    }

    private static boolean described(JsonNode asset) {
        return asset.hasNonNull("description") && !asset.get("description").asText().isBlank();
    }

    private JsonNode demoPart(String kpi) {
        for (JsonNode part : get("/api/v1/governance/kpis/" + kpi + "?by=warehouse").get("breakdown")) {
            if ("demo".equals(part.get("key").asText(null))) {
                return part;
            }
        }
        throw new AssertionError("no demo part in " + kpi);
    }

    @Test
    void theReportHasEveryBuiltInKpi() {
        JsonNode report = get("/api/v1/governance/kpis");
        assertThat(report.get("kpis").findValuesAsText("name")).contains(
                "description_coverage", "ownership_coverage", "classification_coverage", "pii_tagged", "glossary_coverage",
                "lineage_coverage", "certified_metrics", "freshness", "breaking_changes", "unused_assets");
        JsonNode description = report.get("kpis").get(0);
        assertThat(description.get("unit").asText()).isEqualTo("percent");
        assertThat(description.get("value").asDouble())
                .isEqualTo(Math.round(10_000.0 * description.get("count").asLong() / description.get("total").asLong()) / 100.0);
        assertThat(description.get("status").asText()).isEqualTo("no_target");
    }

    @Test
    void descriptionAndOwnershipCoverageAgreeWithTheCatalogApi() {
        List<JsonNode> datasets = demoDatasets();
        long fullyDescribed = datasets.stream()
                .filter(asset -> described(asset)
                        && java.util.stream.StreamSupport.stream(asset.get("columns").spliterator(), false)
                                .allMatch(GovernanceApiIT::described))
                .count();
        long owned = datasets.stream().filter(asset -> asset.get("owners").size() > 0).count();

        JsonNode descriptions = demoPart("description_coverage");
        assertThat(descriptions.get("total").asLong()).isEqualTo(datasets.size());
        assertThat(descriptions.get("count").asLong()).isEqualTo(fullyDescribed);
        JsonNode owners = demoPart("ownership_coverage");
        assertThat(owners.get("total").asLong()).isEqualTo(datasets.size());
        assertThat(owners.get("count").asLong()).isEqualTo(owned);

        // the demo's deliberate blanks (demo-retail.md) are in the gap list with their owners
        JsonNode gaps = get("/api/v1/governance/gaps?kpi=description_coverage&warehouse=demo&size=100");
        assertThat(gaps.get("total").asLong()).isEqualTo(datasets.size() - fullyDescribed);
        assertThat(gaps.get("items").findValuesAsText("id")).contains(
                "table:demo.retail.customers",
                "table:demo.retail.orders",
                "table:demo.retail.order_items",
                "table:demo.retail.inventory_snapshots",
                "table:demo.mart.inventory_cover");
        assertThat(gaps.get("items")).anySatisfy(gap -> {
            assertThat(gap.get("id").asText()).isEqualTo("table:demo.mart.inventory_cover");
            assertThat(gap.get("reason").asText()).startsWith("no description, and");
            assertThat(gap.get("owners")).isEmpty();
        });
        assertThat(gaps.get("items")).anySatisfy(gap -> {
            assertThat(gap.get("id").asText()).isEqualTo("table:demo.retail.orders");
            assertThat(gap.get("reason").asText()).isEqualTo("1 column(s) without a description");
            assertThat(gap.get("owners").get(0).asText()).isEqualTo("group:sales-ops");
        });
        JsonNode ownerGaps = get("/api/v1/governance/gaps?kpi=ownership_coverage&warehouse=demo&size=100");
        assertThat(ownerGaps.get("items").findValuesAsText("id"))
                .contains("table:demo.retail.products", "table:demo.retail.inventory_snapshots", "table:demo.mart.inventory_cover");
    }

    @Test
    void lineageCoverageAgreesWithTheLineageApi() {
        List<JsonNode> datasets = demoDatasets();
        long withLineage = 0;
        for (JsonNode dataset : datasets) {
            JsonNode walk = get("/api/v1/lineage/" + TestingZhongtai.encode(dataset.get("id").asText()) + "?depth=1");
            if (walk.get("edges").size() > 0) {
                withLineage++;
            }
        }
        JsonNode lineage = demoPart("lineage_coverage");
        assertThat(lineage.get("total").asLong()).isEqualTo(datasets.size());
        assertThat(lineage.get("count").asLong()).isEqualTo(withLineage).isGreaterThanOrEqualTo(6);
    }

    @Test
    void personalColumnsCountWithTheirTags() {
        JsonNode gaps = get("/api/v1/governance/gaps?kpi=pii_tagged&warehouse=demo&size=100");
        JsonNode demo = demoPart("pii_tagged");
        assertThat(demo.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(demo.get("count").asLong()).isEqualTo(demo.get("total").asLong() - gaps.get("total").asLong());
    }

    @Test
    void stewardsDefineKpisAndSetTargets() {
        String steward = zhongtai.tokenFor("kpi-steward", "steward");
        String viewer = zhongtai.tokenFor("kpi-viewer", "viewer");
        Map<String, Object> definition = Map.of(
                "name", "sales_owned",
                "label", "Sales tables owned by sales-ops",
                "filter", Map.of("warehouse", "demo", "schema", "demo.retail"),
                "condition", "has_owner",
                "target", 100);
        assertThat(zhongtai.send("POST", "/api/v1/governance/kpis", viewer, definition).status()).isEqualTo(403);
        Response created = zhongtai.send("POST", "/api/v1/governance/kpis", steward, definition);
        assertThat(created.status()).isEqualTo(201);
        JsonNode kpi = created.json();
        long retailTables = get("/api/v1/assets?type=table&warehouse=demo&size=1000").get("items").findValuesAsText("qualifiedName")
                .stream()
                .filter(name -> name.startsWith("demo.retail."))
                .count();
        assertThat(kpi.get("total").asLong()).isEqualTo(retailTables);
        assertThat(kpi.get("count").asLong()).isLessThan(retailTables);
        assertThat(kpi.get("status").asText()).isEqualTo("behind");
        assertThat(zhongtai.send("POST", "/api/v1/governance/kpis", steward, definition).status()).isEqualTo(409);

        Response bad = zhongtai.send("POST", "/api/v1/governance/kpis", steward,
                Map.of("name", "broken", "filter", Map.of(), "condition", "is_pretty"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("detail").asText()).contains("is_pretty");

        Response target = zhongtai.send("PUT", "/api/v1/governance/kpis/ownership_coverage", steward, Map.of("target", 1));
        assertThat(target.status()).isEqualTo(200);
        assertThat(target.json().get("status").asText()).isEqualTo("met");
        assertThat(zhongtai.send("DELETE", "/api/v1/governance/kpis/ownership_coverage", steward, null).status()).isEqualTo(409);
        assertThat(zhongtai.send("DELETE", "/api/v1/governance/kpis/sales_owned", steward, null).status()).isEqualTo(204);
        assertThat(zhongtai.send("GET", "/api/v1/governance/kpis/sales_owned", steward, null).status()).isEqualTo(404);
    }

    @Test
    void aSnapshotStartsTheTrendAndFreshnessFollowsExpectedIntervals() {
        Response freshness = zhongtai.send("PUT", "/api/v1/assets/" + TestingZhongtai.encode("table:demo.mart.daily_sales") + "/freshness",
                admin, Map.of("expectedIntervalHours", 24));
        assertThat(freshness.status()).isEqualTo(200);
        JsonNode fresh = demoPart("freshness");
        assertThat(fresh.get("total").asLong()).isEqualTo(1);
        assertThat(fresh.get("count").asLong()).isEqualTo(1);
        JsonNode history = get("/api/v1/assets/" + TestingZhongtai.encode("table:demo.mart.daily_sales") + "/history");
        assertThat(history.get("items").get(0).get("changes").get(0).get("field").asText()).isEqualTo("expectedIntervalHours");

        assertThat(zhongtai.send("POST", "/api/v1/governance/snapshots", admin, null).status()).isEqualTo(200);
        JsonNode detail = get("/api/v1/governance/kpis/description_coverage?by=owner");
        assertThat(detail.get("points")).isNotEmpty();
        JsonNode today = detail.get("points").get(detail.get("points").size() - 1);
        assertThat(today.get("value").asDouble()).isEqualTo(detail.get("current").get("value").asDouble());
        assertThat(detail.get("breakdown").findValuesAsText("key")).contains("group:data-team", "group:sales-ops");
    }

    @Test
    void theReportExportsAsCsvAndSelfContainedHtml() {
        Response csv = zhongtai.send("GET", "/api/v1/governance/export?format=csv", admin, null);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("section,kpi,label,value");
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("kpi,description_coverage,Description coverage,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("gap,description_coverage,").contains("table:demo.mart.inventory_cover"));

        Response html = zhongtai.send("GET", "/api/v1/governance/export?format=html", admin, null);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.contentType()).startsWith("text/html");
        assertThat(html.body()).contains("<svg", "Description coverage", "table:demo.mart.inventory_cover").doesNotContain("<script");

        assertThat(zhongtai.send("GET", "/api/v1/governance/export?format=pdf", admin, null).status()).isEqualTo(400);
        assertThat(zhongtai.send("GET", "/api/v1/governance/kpis?asOf=yesterday", admin, null).status()).isEqualTo(400);
        assertThat(zhongtai.send("GET", "/api/v1/governance/kpis", null, null).status()).isEqualTo(401);
    }
}
