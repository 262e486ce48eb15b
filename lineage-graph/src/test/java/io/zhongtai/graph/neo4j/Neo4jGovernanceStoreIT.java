package io.zhongtai.graph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.Actor;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.governance.AssetFilter;
import io.zhongtai.core.governance.BuiltInKpis;
import io.zhongtai.core.governance.KpiBreakdown;
import io.zhongtai.core.governance.KpiCondition;
import io.zhongtai.core.governance.KpiDefinition;
import io.zhongtai.core.governance.KpiGap;
import io.zhongtai.core.governance.KpiMeasure;
import io.zhongtai.core.governance.KpiSnapshot;
import io.zhongtai.core.governance.KpiUnit;
import io.zhongtai.core.governance.KpiWindow;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestPolicy;
import io.zhongtai.core.harvest.HarvestedColumn;
import io.zhongtai.core.harvest.HarvestedSchema;
import io.zhongtai.core.harvest.HarvestedTable;
import io.zhongtai.core.harvest.TableKind;
import io.zhongtai.core.lineage.DatasetUsage;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** KPIs over a small harvested warehouse; each test gives its KPI a warehouse filter or breakdown of its own. */
class Neo4jGovernanceStoreIT {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Actor ALICE = new Actor("alice");

    private final Neo4jGraph graph = TestingNeo4j.graph();
    private final Neo4jCatalogStore catalog = new Neo4jCatalogStore(graph, Clock.systemUTC());
    private final Neo4jLineageStore lineage = new Neo4jLineageStore(graph, Clock.systemUTC());
    private final Neo4jGovernanceStore store = new Neo4jGovernanceStore(graph, Clock.systemUTC());
    private final String warehouse = "gw" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100000;
    private final KpiWindow window = new KpiWindow(LocalDate.now(), 30);

    private void harvest(boolean withNote) {
        List<HarvestedColumn> orderColumns = withNote
                ? List.of(column("id", 1, "Key"), column("note", 2, null))
                : List.of(column("id", 1, "Key"));
        catalog.applyHarvest(new HarvestBatch(warehouse, List.of(new HarvestedSchema("s", null, List.of(
                        new HarvestedTable("orders", TableKind.TABLE, "Orders", null, 100L, 4096L, orderColumns, List.of(), List.of()),
                        new HarvestedTable("customers", TableKind.TABLE, null, null, 10L, 1024L,
                                List.of(column("id", 1, "Key"), column("email", 2, "Mail")), List.of(), List.of()))))),
                ALICE, HarvestPolicy.DEFAULT);
    }

    private static HarvestedColumn column(String name, int position, String description) {
        return new HarvestedColumn(name, "VARCHAR", true, position, null, description);
    }

    private KpiBreakdown part(KpiDefinition kpi) {
        return store.breakdown(kpi, window, "warehouse").stream()
                .filter(part -> warehouse.equals(part.key()))
                .findFirst()
                .orElseThrow();
    }

    private static KpiDefinition builtIn(String name) {
        return BuiltInKpis.find(name).orElseThrow();
    }

    @Test
    void coverageCountsTheWarehousesAssetsAndListsTheGapsWithReasons() {
        harvest(true);
        assertThat(part(builtIn(BuiltInKpis.DESCRIPTION_COVERAGE))).isEqualTo(new KpiBreakdown(warehouse, 0, 2));
        List<KpiGap> gaps = store.gaps(builtIn(BuiltInKpis.DESCRIPTION_COVERAGE), window, warehouse, PageRequest.of(0, 10)).items();
        assertThat(gaps).extracting(KpiGap::reason)
                .containsExactly("no description", "1 column(s) without a description");
        assertThat(part(builtIn(BuiltInKpis.PII_TAGGED))).isEqualTo(new KpiBreakdown(warehouse, 1, 1));
        assertThat(part(builtIn(BuiltInKpis.CLASSIFICATION_COVERAGE))).isEqualTo(new KpiBreakdown(warehouse, 4, 4));
    }

    @Test
    void allKpisAtOnceAgreeWithEachOneAloneInTheirOrder() {
        harvest(true);
        List<KpiDefinition> kpis = BuiltInKpis.all();
        List<KpiMeasure> together = store.measureAll(kpis, window);
        assertThat(together).hasSize(kpis.size());
        for (int i = 0; i < kpis.size(); i++) {
            assertThat(together.get(i)).as(kpis.get(i).name()).isEqualTo(store.measure(kpis.get(i), window));
        }
        assertThat(together.get(kpis.indexOf(builtIn(BuiltInKpis.CLASSIFICATION_COVERAGE))).total()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aDroppedColumnIsABreakingChangeInTheWindow() {
        harvest(true);
        harvest(false);
        KpiDefinition breaking = builtIn(BuiltInKpis.BREAKING_CHANGES);
        assertThat(part(breaking).count()).isEqualTo(1);
        List<KpiGap> gaps = store.gaps(breaking, window, warehouse, PageRequest.of(0, 10)).items();
        assertThat(gaps).singleElement().satisfies(gap -> {
            // one event per dataset: its dropped or retyped columns are changes of that event
            assertThat(gap.id()).isEqualTo(AssetId.of(AssetType.TABLE, warehouse, "s", "orders"));
            assertThat(gap.reason()).startsWith("breaking change (updated) by alice");
        });
        KpiWindow longAgo = new KpiWindow(LocalDate.now().minusYears(1), 30);
        assertThat(store.breakdown(breaking, longAgo, "warehouse")).noneMatch(p -> warehouse.equals(p.key()));
    }

    @Test
    void unusedAssetsCountOnlyWhereQueryLogsAreHarvested() {
        harvest(true);
        KpiDefinition unused = builtIn(BuiltInKpis.UNUSED_ASSETS);
        assertThat(store.breakdown(unused, window, "warehouse")).noneMatch(p -> warehouse.equals(p.key()));

        lineage.saveQueryLogCounters(warehouse, java.util.Map.of("1", 3L));
        lineage.recordUsage(List.of(new DatasetUsage(AssetId.of(AssetType.TABLE, warehouse, "s", "orders"), LocalDate.now(), 3)));
        assertThat(part(unused)).isEqualTo(new KpiBreakdown(warehouse, 1, 2));
        assertThat(store.gaps(unused, window, warehouse, PageRequest.of(0, 10)).items())
                .extracting(gap -> gap.id().name())
                .containsExactly("customers");
    }

    @Test
    void userDefinedKpisFilterAndTestTheirCondition() {
        harvest(true);
        KpiDefinition read = new KpiDefinition("read_" + NEXT.incrementAndGet(), "Read lately", null, false, KpiUnit.PERCENT, false,
                new AssetFilter(null, warehouse, warehouse + ".s", null, null, null),
                KpiCondition.parse("read_within_days:7"), 50.0, null, "alice");
        assertThat(store.measure(read, window)).isEqualTo(new KpiMeasure(0, 2, java.util.Map.of()));
        lineage.recordUsage(List.of(new DatasetUsage(AssetId.of(AssetType.TABLE, warehouse, "s", "orders"), LocalDate.now().minusDays(6), 1)));
        assertThat(store.measure(read, window).count()).isEqualTo(1);
        lineage.recordUsage(List.of(new DatasetUsage(AssetId.of(AssetType.TABLE, warehouse, "s", "customers"), LocalDate.now().minusDays(7), 1)));
        assertThat(store.measure(read, window).count()).isEqualTo(1);

        KpiDefinition emails = new KpiDefinition("pii_cols_" + NEXT.incrementAndGet(), null, null, false, KpiUnit.PERCENT, false,
                new AssetFilter(List.of(AssetType.COLUMN), warehouse, null, null, null, null), KpiCondition.parse("has_tag:pii"),
                null, null, "alice");
        assertThat(store.measure(emails, window)).isEqualTo(new KpiMeasure(1, 4, java.util.Map.of()));

        store.saveDefinition(read, ALICE);
        assertThat(store.findDefinition(read.name())).contains(read);
        store.deleteDefinition(read.name(), ALICE);
        assertThat(store.findDefinition(read.name())).isEmpty();
    }

    @Test
    void snapshotsOfADayReplaceEachOtherAndReadBackInOrder() {
        String name = "snap_" + NEXT.incrementAndGet();
        LocalDate day = LocalDate.of(2026, 3, 1);
        store.saveSnapshots(List.of(new KpiSnapshot(name, day, 10.0, 1, 10), new KpiSnapshot(name, day.plusDays(1), 20.0, 2, 10)));
        store.saveSnapshots(List.of(new KpiSnapshot(name, day, 30.0, 3, 10)));
        assertThat(store.snapshots(name, day, day.plusDays(5)))
                .containsExactly(new KpiSnapshot(name, day, 30.0, 3, 10), new KpiSnapshot(name, day.plusDays(1), 20.0, 2, 10));
    }

    @Test
    void anExpectedIntervalPutsATableInTheFreshnessPopulation() {
        harvest(true);
        AssetId orders = AssetId.of(AssetType.TABLE, warehouse, "s", "orders");
        store.setExpectedInterval(orders, 24, ALICE);
        assertThat(part(builtIn(BuiltInKpis.FRESHNESS))).isEqualTo(new KpiBreakdown(warehouse, 1, 1));
        assertThat(catalog.findAsset(orders).orElseThrow().asset().attributes()).containsEntry("expectedIntervalHours", 24L);
        KpiWindow nextMonth = new KpiWindow(LocalDate.now().plusDays(30), 30);
        assertThat(store.breakdown(builtIn(BuiltInKpis.FRESHNESS), nextMonth, "warehouse"))
                .filteredOn(p -> warehouse.equals(p.key()))
                .singleElement()
                .isEqualTo(new KpiBreakdown(warehouse, 0, 1));
    }
}
