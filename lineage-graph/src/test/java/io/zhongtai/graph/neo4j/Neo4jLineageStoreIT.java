package io.zhongtai.graph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.Asset;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetPatch;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.TagAssignment;
import io.zhongtai.core.asset.TagSource;
import io.zhongtai.core.change.ChangeEvent;
import io.zhongtai.core.change.ChangeKind;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestPolicy;
import io.zhongtai.core.harvest.HarvestedColumn;
import io.zhongtai.core.harvest.HarvestedSchema;
import io.zhongtai.core.harvest.HarvestedTable;
import io.zhongtai.core.harvest.TableKind;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.DatasetSketch;
import io.zhongtai.core.lineage.DatasetUsage;
import io.zhongtai.core.lineage.ImpactReport;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageDirection;
import io.zhongtai.core.lineage.LineageGraph;
import io.zhongtai.core.lineage.LineageLevel;
import io.zhongtai.core.lineage.LineageOrigin;
import io.zhongtai.core.lineage.LineageQuery;
import io.zhongtai.core.lineage.LineageRun;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class Neo4jLineageStoreIT {
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Actor ALICE = new Actor("alice");

    private final Neo4jGraph graph = TestingNeo4j.graph();
    private final Neo4jCatalogStore catalog = new Neo4jCatalogStore(graph, Clock.systemUTC());
    private final Neo4jLineageStore store = new Neo4jLineageStore(graph, Clock.systemUTC());
    private final String warehouse = "lw" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100000;

    /** raw.customers(id, email, name) -> stage.customers(id, contact) -> mart.contacts(contact), each by a job. */
    private void crawl(String... extraRawTables) {
        List<HarvestedTable> raw = new ArrayList<>();
        raw.add(table("customers", column("id", 1), column("email", 2), column("name", 3)));
        for (String extra : extraRawTables) {
            raw.add(table(extra, column("id", 1)));
        }
        HarvestBatch batch = new HarvestBatch(warehouse, List.of(
                new HarvestedSchema("raw", null, raw),
                new HarvestedSchema("stage", null, List.of(table("customers", column("id", 1), column("contact", 2)))),
                new HarvestedSchema("mart", null, List.of(table("contacts", column("contact", 1))))));
        catalog.applyHarvest(batch, ALICE, HarvestPolicy.DEFAULT);
    }

    private static HarvestedTable table(String name, HarvestedColumn... columns) {
        return new HarvestedTable(name, TableKind.TABLE, null, null, null, null, List.of(columns), List.of(), List.of());
    }

    private static HarvestedColumn column(String name, int position) {
        return new HarvestedColumn(name, "VARCHAR", true, position, null, null);
    }

    private AssetId id(String text) {
        return AssetId.parse(text.replace("$w", warehouse));
    }

    private JobLineage job(String name, String sql, List<String> inputs, List<String> outputs, String... edges) {
        List<ColumnEdge> columns = new ArrayList<>();
        for (String edge : edges) {
            String[] ends = edge.split(" -> ");
            columns.add(new ColumnEdge(id("column:$w." + ends[0]), id("column:$w." + ends[1])));
        }
        return new JobLineage(
                id("job:$w." + name),
                LineageOrigin.SQL,
                "loads " + name,
                Map.of("sql", sql),
                inputs.stream().map(text -> id("table:$w." + text)).toList(),
                outputs.stream().map(text -> id("table:$w." + text)).toList(),
                columns);
    }

    private JobLineage stageJob(String sql) {
        return job("load_stage", sql, List.of("raw.customers"), List.of("stage.customers"),
                "raw.customers.id -> stage.customers.id", "raw.customers.email -> stage.customers.contact");
    }

    private JobLineage martJob() {
        return job("load_mart", "INSERT INTO mart.contacts SELECT contact FROM stage.customers",
                List.of("stage.customers"), List.of("mart.contacts"), "stage.customers.contact -> mart.contacts.contact");
    }

    @Test
    void aJobIsVersionedOnlyWhenWhatItSaysChanges() {
        crawl();
        long first = store.putJob(stageJob("INSERT 1"), List.of(), ALICE);
        long same = store.putJob(stageJob("INSERT 1"), List.of(), ALICE);
        long changed = store.putJob(stageJob("INSERT 2"), List.of(), ALICE);

        assertThat(List.of(first, same, changed)).containsExactly(1L, 1L, 2L);
        JobLineage stored = store.findJob(id("job:$w.load_stage")).orElseThrow();
        assertThat(stored).isEqualTo(stageJob("INSERT 2"));
        List<ChangeEvent> history = catalog.history(id("job:$w.load_stage"), PageRequest.of(0, 10)).items();
        assertThat(history).extracting(ChangeEvent::kind).containsExactly(ChangeKind.UPDATED, ChangeKind.CREATED);
        assertThat(history.get(0).changes()).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo("sql");
            assertThat(change.before()).isEqualTo("INSERT 1");
            assertThat(change.after()).isEqualTo("INSERT 2");
        });
        Asset job = catalog.findAsset(id("job:$w.load_stage")).orElseThrow().asset();
        assertThat(job.attributes()).containsEntry("sql", "INSERT 2").containsEntry("origin", "sql");
        assertThat(job.description()).isEqualTo("loads load_stage");
    }

    @Test
    void walksUpstreamAndDownstreamAtTableAndColumnLevel() {
        crawl();
        store.putJob(stageJob("s"), List.of(), ALICE);
        store.putJob(martJob(), List.of(), ALICE);

        LineageGraph up = store.lineage(LineageQuery.of(id("table:$w.mart.contacts"), LineageDirection.UPSTREAM, 3, LineageLevel.TABLE));
        assertThat(up.nodes()).extracting(node -> node.id().qualifiedName() + "@" + node.hops())
                .containsExactly(warehouse + ".mart.contacts@0", warehouse + ".stage.customers@-1", warehouse + ".raw.customers@-2");
        assertThat(up.edges()).containsExactlyInAnyOrder(
                new LineageGraph.LineageEdge(id("table:$w.stage.customers"), id("table:$w.mart.contacts"), id("job:$w.load_mart")),
                new LineageGraph.LineageEdge(id("table:$w.raw.customers"), id("table:$w.stage.customers"), id("job:$w.load_stage")));

        LineageGraph oneHop = store.lineage(LineageQuery.of(id("table:$w.mart.contacts"), LineageDirection.UPSTREAM, 1, LineageLevel.TABLE));
        assertThat(oneHop.nodes()).hasSize(2);

        LineageGraph columns = store.lineage(
                LineageQuery.of(id("column:$w.raw.customers.email"), LineageDirection.DOWNSTREAM, 5, LineageLevel.TABLE));
        assertThat(columns.nodes()).extracting(node -> node.id().toString()).containsExactly(
                id("column:$w.raw.customers.email").toString(),
                id("column:$w.stage.customers.contact").toString(),
                id("column:$w.mart.contacts.contact").toString());

        LineageGraph fromJob = store.lineage(LineageQuery.of(id("job:$w.load_mart"), LineageDirection.BOTH, 2, LineageLevel.TABLE));
        assertThat(fromJob.nodes()).extracting(node -> node.id().toString()).containsExactlyInAnyOrder(
                id("job:$w.load_mart").toString(),
                id("table:$w.stage.customers").toString(),
                id("table:$w.raw.customers").toString(),
                id("table:$w.mart.contacts").toString());

        assertThatThrownBy(() -> store.lineage(LineageQuery.of(id("table:$w.nope.nothing"), LineageDirection.BOTH, 1, LineageLevel.TABLE)))
                .isInstanceOf(CatalogException.class)
                .extracting(e -> ((CatalogException) e).code())
                .isEqualTo(ErrorCode.ASSET_NOT_FOUND);
    }

    @Test
    void aBusyNodeIsCutAtTheFanOutBudgetAndPagedWithOffset() {
        String[] sources = {"s1", "s2", "s3", "s4", "s5"};
        crawl(sources);
        for (String source : sources) {
            store.putJob(job("load_" + source, "x", List.of("raw." + source), List.of("mart.contacts")), List.of(), ALICE);
        }
        AssetId mart = id("table:$w.mart.contacts");
        LineageGraph first = store.lineage(new LineageQuery(mart, LineageDirection.UPSTREAM, 2, LineageLevel.TABLE, 0, 2));
        assertThat(first.nodes()).extracting(node -> node.id().name()).containsExactly("contacts", "s1", "s2");
        assertThat(first.truncated()).singleElement().isEqualTo(
                new LineageGraph.Truncation(mart, LineageDirection.UPSTREAM, 5, 2));
        LineageGraph page = store.lineage(new LineageQuery(mart, LineageDirection.UPSTREAM, 1, LineageLevel.TABLE, 4, 2));
        assertThat(page.nodes()).extracting(node -> node.id().name()).containsExactly("contacts", "s5");
    }

    @Test
    void piiPropagatesDownstreamAndIsWithdrawnWhenThePathGoes() {
        crawl();
        Asset email = catalog.findAsset(id("column:$w.raw.customers.email")).orElseThrow().asset();
        assertThat(email.tags()).singleElement().isEqualTo(new TagAssignment("pii", "email", TagSource.AUTOMATIC));

        store.putJob(stageJob("s"), List.of(), ALICE);
        store.putJob(martJob(), List.of(), ALICE);
        assertThat(tags("column:$w.stage.customers.contact")).containsExactly(new TagAssignment("pii", "email", TagSource.PROPAGATED));
        assertThat(tags("column:$w.mart.contacts.contact")).containsExactly(new TagAssignment("pii", "email", TagSource.PROPAGATED));
        assertThat(tags("column:$w.stage.customers.id")).isEmpty();
        List<ChangeEvent> history = catalog.history(id("column:$w.mart.contacts.contact"), PageRequest.of(0, 5)).items();
        assertThat(history.get(0).changes()).singleElement().satisfies(change -> {
            assertThat(change.field()).isEqualTo("propagatedTags");
            assertThat(change.after()).isEqualTo(List.of("pii:email"));
        });

        // a second path from the same kind of origin keeps the tag when the first goes
        store.putJob(job("copy_mart", "y", List.of("raw.customers"), List.of("mart.contacts"),
                "raw.customers.email -> mart.contacts.contact"), List.of(), ALICE);
        store.deleteJob(id("job:$w.load_stage"), ALICE);
        assertThat(tags("column:$w.stage.customers.contact")).isEmpty();
        assertThat(tags("column:$w.mart.contacts.contact")).containsExactly(new TagAssignment("pii", "email", TagSource.PROPAGATED));
        store.deleteJob(id("job:$w.copy_mart"), ALICE);
        assertThat(tags("column:$w.mart.contacts.contact")).isEmpty();
        assertThat(store.findJob(id("job:$w.copy_mart"))).isEmpty();
    }

    @Test
    void aManualPiiTagPropagatesAndAManualTagWinsOverAPropagatedOne() {
        crawl();
        store.putJob(stageJob("s"), List.of(), ALICE);
        catalog.patchAsset(id("column:$w.raw.customers.id"),
                new AssetPatch(null, null, Optional.of(List.of(new TagAssignment("pii", "identifier", TagSource.MANUAL))), null, null),
                ALICE);
        assertThat(tags("column:$w.stage.customers.id")).containsExactly(new TagAssignment("pii", "identifier", TagSource.PROPAGATED));
        catalog.patchAsset(id("column:$w.raw.customers.id"), new AssetPatch(null, null, Optional.of(List.of()), null, null), ALICE);
        assertThat(tags("column:$w.stage.customers.id")).isEmpty();
    }

    @Test
    void unknownDatasetsBecomeExternalAndACrawlThatFindsThemMergesThem() {
        crawl();
        AssetId lake = id("table:$w.lake.events");
        JobLineage ingest = new JobLineage(
                id("job:$w.ingest"),
                LineageOrigin.OPENLINEAGE,
                null,
                Map.of(),
                List.of(lake),
                List.of(id("table:$w.raw.customers")),
                List.of(new ColumnEdge(lake.child(AssetType.COLUMN, "user_id"), id("column:$w.raw.customers.id"))));
        store.putJob(ingest, List.of(new DatasetSketch(lake, "Click events", List.of(
                new DatasetSketch.SketchColumn("user_id", "bigint", "Who clicked"),
                new DatasetSketch.SketchColumn("at", "timestamp", null)))), ALICE);

        Asset external = catalog.findAsset(lake).orElseThrow().asset();
        assertThat(external.attributes()).containsEntry("external", true);
        assertThat(external.description()).isEqualTo("Click events");
        assertThat(catalog.findAsset(lake).orElseThrow().columns()).extracting(c -> c.id().name()).containsExactly("user_id", "at");

        // a crawl that does not see the lake leaves it alone
        crawl();
        assertThat(catalog.findAsset(lake).orElseThrow().asset().deleted()).isFalse();

        // a crawl that finds it adopts the node, with its edges
        catalog.applyHarvest(new HarvestBatch(warehouse, List.of(
                        new HarvestedSchema("raw", null, List.of(table("customers", column("id", 1), column("email", 2), column("name", 3)))),
                        new HarvestedSchema("stage", null, List.of(table("customers", column("id", 1), column("contact", 2)))),
                        new HarvestedSchema("mart", null, List.of(table("contacts", column("contact", 1)))),
                        new HarvestedSchema("lake", null, List.of(table("events", column("user_id", 1), column("at", 2)))))),
                ALICE, HarvestPolicy.DEFAULT);
        Asset crawled = catalog.findAsset(lake).orElseThrow().asset();
        assertThat(crawled.attributes()).doesNotContainKey("external");
        assertThat(crawled.version()).isEqualTo(2);
        LineageGraph down = store.lineage(LineageQuery.of(lake, LineageDirection.DOWNSTREAM, 1, LineageLevel.TABLE));
        assertThat(down.nodes()).extracting(node -> node.id()).containsExactly(lake, id("table:$w.raw.customers"));
    }

    @Test
    void impactListsEverythingDownstreamWithOwnersAndJobs() {
        crawl();
        store.putJob(stageJob("s"), List.of(), ALICE);
        store.putJob(martJob(), List.of(), ALICE);
        ImpactReport impact = store.impact(id("column:$w.raw.customers.email"), 10);
        assertThat(impact.assets()).extracting(asset -> asset.id().toString() + "@" + asset.hops()).containsExactly(
                id("table:$w.stage.customers") + "@1",
                id("column:$w.stage.customers.contact") + "@1",
                id("table:$w.mart.contacts") + "@2",
                id("column:$w.mart.contacts.contact") + "@2");
        assertThat(impact.assets().get(1).via()).containsExactly(id("job:$w.load_stage"));
        assertThat(impact.jobs()).containsExactly(id("job:$w.load_mart"), id("job:$w.load_stage"));

        ImpactReport fromTable = store.impact(id("table:$w.raw.customers"), 1);
        assertThat(fromTable.assets()).extracting(asset -> asset.id().toString())
                .contains(id("table:$w.stage.customers").toString(), id("column:$w.stage.customers.contact").toString())
                .doesNotContain(id("table:$w.mart.contacts").toString());
    }

    @Test
    void runsAreKeptAndACompletedRunMarksItsOutputsLoaded() {
        crawl();
        store.putJob(martJob(), List.of(), ALICE);
        AssetId job = id("job:$w.load_mart");
        Instant at = Instant.parse("2026-03-01T10:00:00Z");
        store.recordRun(new LineageRun(job, "r1", "START", at.minusSeconds(60), List.of(id("table:$w.mart.contacts")), "{\"a\":1}"));
        store.recordRun(new LineageRun(job, "r1", "COMPLETE", at, List.of(id("table:$w.mart.contacts")), "{\"a\":2}"));

        assertThat(store.runs(job, 10)).extracting(LineageRun::state, LineageRun::raw)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("COMPLETE", "{\"a\":2}"), org.assertj.core.groups.Tuple.tuple("START", "{\"a\":1}"));
        assertThat(catalog.findAsset(id("table:$w.mart.contacts")).orElseThrow().asset().attributes())
                .containsEntry("lastLoadedAt", at.toEpochMilli());
        assertThat(catalog.findAsset(job).orElseThrow().asset().attributes()).containsEntry("lastRunState", "COMPLETE");
    }

    @Test
    void usageAddsUpPerDayAndQueryLogCountersRoundTrip() {
        crawl();
        AssetId customers = id("table:$w.raw.customers");
        LocalDate day = LocalDate.of(2026, 5, 1);
        store.recordUsage(List.of(new DatasetUsage(customers, day, 3), new DatasetUsage(customers, day.plusDays(1), 1)));
        store.recordUsage(List.of(new DatasetUsage(customers, day, 2), new DatasetUsage(id("table:$w.raw.unknown"), day, 9)));

        assertThat(store.usage(customers, day, day.plusDays(5)))
                .containsExactly(new DatasetUsage(customers, day, 5), new DatasetUsage(customers, day.plusDays(1), 1));
        assertThat(store.readsSince(day.plusDays(1))).containsEntry(customers, 1L);
        assertThat(catalog.findAsset(customers).orElseThrow().asset().attributes()).containsEntry("lastReadOn", "2026-05-02");

        assertThat(store.queryLogCounters(warehouse)).isEmpty();
        store.saveQueryLogCounters(warehouse, Map.of("123", 7L));
        assertThat(store.queryLogCounters(warehouse)).isEqualTo(Map.of("123", 7L));
    }

    private List<TagAssignment> tags(String id) {
        return catalog.findAsset(id(id)).orElseThrow().asset().tags();
    }

}
