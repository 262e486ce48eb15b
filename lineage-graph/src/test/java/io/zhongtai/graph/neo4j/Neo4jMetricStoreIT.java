package io.zhongtai.graph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetDetail;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.change.ChangeEvent;
import io.zhongtai.core.metrics.StoredDefinition;
import io.zhongtai.core.metrics.StoredMetric;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The metric store on a real embedded Neo4j: versions, conflicts, the metric asset, its FEEDS lineage and change events. */
class Neo4jMetricStoreIT {
    private static final Neo4jGraph GRAPH = TestingNeo4j.graph();
    private static final Neo4jMetricStore STORE = new Neo4jMetricStore(GRAPH);
    private static final Neo4jCatalogStore CATALOG = new Neo4jCatalogStore(GRAPH, Clock.systemUTC());
    private static final Actor ALICE = new Actor("alice");

    @BeforeAll
    static void columnsAndOwners() {
        GRAPH.writeVoid(tx -> tx.run("MERGE (:Asset {id: 'table:mw.retail.sales', type: 'table', name: 'sales', version: 1}) "
                + "MERGE (:Asset {id: 'column:mw.retail.sales.amount', type: 'column', name: 'amount', version: 1}) "
                + "MERGE (:Asset {id: 'column:mw.retail.sales.status', type: 'column', name: 'status', version: 1}) "
                + "MERGE (:Asset:Group {id: 'group:mw-team', type: 'group', name: 'mw-team', version: 1}) "
                + "MERGE (:Asset:Domain {id: 'domain:MwSales', type: 'domain', name: 'MwSales', version: 1})").consume());
    }

    private static StoredMetric version(String name, int version, String status, List<AssetId> columns) {
        return new StoredMetric(name, version, status, "{\"name\":\"" + name + "\",\"v\":" + version + "}", "alice",
                Instant.parse("2026-01-0" + version + "T10:00:00Z"), "reason " + version,
                version == 1 ? List.of() : List.of(new Change("status", "draft", status)),
                new StoredMetric.Facts("simple", "Sales " + version, "销售额", "Sales amount v" + version,
                        AssetId.parse("group:mw-team"), "MwSales", List.of("finance"), "CNY", columns,
                        List.of(AssetId.parse("table:mw.retail.sales"))));
    }

    private static List<String> feeding(String metric) {
        return GRAPH.read(tx -> tx.run("MATCH (s:Asset)-[r:FEEDS]->(:Asset {id: $id}) RETURN s.id + ' ' + r.level "
                + "+ ' ' + coalesce(r.via, 'null') AS edge ORDER BY edge", Map.of("id", "metric:" + metric))
                .list(r -> r.get("edge").asString()));
    }

    @Test
    void versionsAreKeptNewestFirstAndTheLatestIsListed() {
        STORE.append(version("mw_sales", 1, "draft", List.of(AssetId.parse("column:mw.retail.sales.amount"))), ALICE);
        STORE.append(version("mw_sales", 2, "in_review", List.of(AssetId.parse("column:mw.retail.sales.amount"))), ALICE);
        List<StoredMetric> versions = STORE.versions("mw_sales");
        assertThat(versions).extracting(StoredMetric::version).containsExactly(2, 1);
        assertThat(versions.get(0)).isEqualTo(version("mw_sales", 2, "in_review",
                List.of(AssetId.parse("column:mw.retail.sales.amount"))));
        assertThat(STORE.latest()).filteredOn(m -> m.name().equals("mw_sales")).extracting(StoredMetric::version)
                .containsExactly(2);
    }

    @Test
    void aVersionOutOfTurnIsAConflictAndStoresNothing() {
        STORE.append(version("mw_conflict", 1, "draft", List.of()), ALICE);
        assertThatThrownBy(() -> STORE.append(version("mw_conflict", 3, "draft", List.of()), ALICE))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LIFECYCLE_CONFLICT));
        assertThatThrownBy(() -> STORE.append(version("mw_conflict", 1, "draft", List.of()), ALICE))
                .isInstanceOf(CatalogException.class);
        assertThat(STORE.versions("mw_conflict")).hasSize(1);
    }

    @Test
    void theMetricIsAnAssetWithOwnerDomainAndLineageFromItsColumns() {
        long before = GRAPH.read(tx -> tx.run("OPTIONAL MATCH (s:Sequence {name: 'changelog'}) RETURN coalesce(s.value, 0) AS v").single()
                .get("v").asLong(0));
        STORE.append(version("mw_asset", 1, "draft", List.of(AssetId.parse("column:mw.retail.sales.amount"),
                AssetId.parse("column:mw.retail.sales.status"), AssetId.parse("column:mw.retail.sales.not_crawled"))), ALICE);
        AssetDetail asset = CATALOG.findAsset(AssetId.parse("metric:mw_asset")).orElseThrow();
        assertThat(asset.asset().description()).isEqualTo("Sales amount v1");
        assertThat(asset.asset().owners()).extracting(o -> o.id().toString()).containsExactly("group:mw-team");
        assertThat(asset.asset().domain()).isEqualTo("MwSales");
        assertThat(asset.asset().attributes()).containsEntry("status", "draft").containsEntry("metricType", "simple")
                .containsEntry("displayName", "Sales 1");
        assertThat(feeding("mw_asset")).containsExactly("column:mw.retail.sales.amount column null",
                "column:mw.retail.sales.status column null", "table:mw.retail.sales table null");
        // a new version replaces the lineage
        STORE.append(version("mw_asset", 2, "in_review", List.of(AssetId.parse("column:mw.retail.sales.amount"))), ALICE);
        assertThat(feeding("mw_asset")).containsExactly("column:mw.retail.sales.amount column null",
                "table:mw.retail.sales table null");
        List<ChangeEvent> events = CATALOG.changesSince(before, 100).stream()
                .filter(e -> e.assetId().toString().equals("metric:mw_asset")).toList();
        assertThat(events).extracting(ChangeEvent::version).containsExactly(1L, 2L);
        assertThat(events.get(1).changes()).containsExactly(new Change("status", "draft", "in_review"));
        assertThat(events.get(1).by()).isEqualTo("alice");
    }

    @Test
    void definitionsAreReplacedAndRemoved() {
        STORE.putDefinitions(List.of(new StoredDefinition("semantic_model", "mw_orders", "{\"a\":1}"),
                new StoredDefinition("policy", "mw_east", "{\"p\":1}")), List.of(), ALICE);
        STORE.putDefinitions(List.of(new StoredDefinition("semantic_model", "mw_orders", "{\"a\":2}")),
                List.of("policy:mw_east"), ALICE);
        assertThat(STORE.definitions()).filteredOn(d -> d.name().startsWith("mw_"))
                .containsExactly(new StoredDefinition("semantic_model", "mw_orders", "{\"a\":2}"));
    }
}
