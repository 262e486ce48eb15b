package io.zhongtai.crawlers.openlineage;

import static io.zhongtai.crawlers.openlineage.OpenLineageEventsTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.DatasetSketch;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageOrigin;
import io.zhongtai.core.lineage.LineageRun;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.openlineage.DatasetResolver.KnownWarehouse;
import io.zhongtai.crawlers.sql.JSqlParserLineageExtractor;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OpenLineageMapperTest {
    private static final JSqlParserLineageExtractor EXTRACTOR = new JSqlParserLineageExtractor();

    private final DatasetResolver resolver = new DatasetResolver(List.of(
            new KnownWarehouse("shop", "jdbc:postgresql://db.internal:5432/shop", "reader", Dialect.POSTGRES)));
    private final Set<AssetId> views = Set.of(AssetId.parse("view:shop.analytics.v_customers"));
    private final OpenLineageMapper mapper = new OpenLineageMapper(resolver, views::contains, EXTRACTOR);

    private static OpenLineageEvent event(String json) {
        return OpenLineageEvents.parse(json).get(0);
    }

    private static ColumnEdge edge(String from, String to) {
        return new ColumnEdge(AssetId.parse(from), AssetId.parse(to));
    }

    @Test
    void mapsDatasetsAndTheColumnLineageFacet() {
        OpenLineageMapper.MappedEvent mapped = mapper.map(event(fixture("airflow-complete.json")));

        JobLineage lineage = mapped.lineage();
        assertThat(mapped.job()).isEqualTo(AssetId.parse("job:airflow-prod.\"shop_etl.load_daily_orders\""));
        assertThat(lineage.origin()).isEqualTo(LineageOrigin.OPENLINEAGE);
        assertThat(lineage.description()).isEqualTo("Daily paid order totals per customer");
        assertThat(lineage.inputs()).containsExactly(AssetId.parse("table:shop.public.orders"));
        assertThat(lineage.outputs()).containsExactly(AssetId.parse("table:shop.analytics.daily_orders"));
        // the facet wins over the SQL: the filter column status is no source
        assertThat(lineage.columns()).containsExactlyInAnyOrder(
                edge("column:shop.public.orders.order_date", "column:shop.analytics.daily_orders.order_date"),
                edge("column:shop.public.orders.customer_id", "column:shop.analytics.daily_orders.customer_id"),
                edge("column:shop.public.orders.amount", "column:shop.analytics.daily_orders.total"));
        assertThat(lineage.properties())
                .containsEntry("namespace", "airflow-prod")
                .containsEntry("name", "shop_etl.load_daily_orders")
                .containsEntry("integration", "AIRFLOW")
                .containsEntry("dialect", "postgres")
                .containsKey("sql");
        assertThat(mapped.warnings()).isEmpty();
    }

    @Test
    void sketchesCarryTheSchemaFacet() {
        List<DatasetSketch> sketches = mapper.map(event(fixture("airflow-complete.json"))).sketches();

        assertThat(sketches).extracting(DatasetSketch::id).containsExactly(
                AssetId.parse("table:shop.public.orders"), AssetId.parse("table:shop.analytics.daily_orders"));
        assertThat(sketches.get(0).columns()).contains(new DatasetSketch.SketchColumn("amount", "numeric(10,2)", "Order amount in CNY"));
        assertThat(sketches.get(1).description()).isEqualTo("Paid order totals per day and customer");
        assertThat(sketches.get(1).columns()).hasSize(3);
    }

    @Test
    void readsTheSqlFacetWhenNoColumnLineageIsGiven() {
        String json = fixture("airflow-complete.json").replace("\"columnLineage\"", "\"otherFacet\"");
        OpenLineageMapper.MappedEvent mapped = mapper.map(event(json));

        assertThat(mapped.lineage().columns()).containsExactlyInAnyOrder(
                edge("column:shop.public.orders.order_date", "column:shop.analytics.daily_orders.order_date"),
                edge("column:shop.public.orders.customer_id", "column:shop.analytics.daily_orders.customer_id"),
                edge("column:shop.public.orders.amount", "column:shop.analytics.daily_orders.total"));
        assertThat(mapped.lineage().inputs()).containsExactly(AssetId.parse("table:shop.public.orders"));
        assertThat(mapped.lineage().outputs()).containsExactly(AssetId.parse("table:shop.analytics.daily_orders"));
    }

    @Test
    void sqlTablesTheEventDoesNotNameLandBesideItsOutput() {
        OpenLineageMapper.MappedEvent mapped = mapper.map(event("""
                {"eventType": "COMPLETE", "eventTime": "2026-03-01T00:00:00Z", "producer": "p",
                 "run": {"runId": "0195f5a8-3c1e-7c4e-9a51-3f0a3e9b2d11"},
                 "job": {"namespace": "airflow", "name": "refresh", "facets": {"sql": {"query":
                   "INSERT INTO analytics.customer_orders SELECT c.customer_id, c.segment, COUNT(*) FROM analytics.v_customers c JOIN orders o ON o.customer_id = c.customer_id GROUP BY 1, 2"}}},
                 "outputs": [{"namespace": "postgres://db.internal:5432", "name": "shop.analytics.customer_orders",
                   "facets": {"schema": {"fields": [{"name": "customer_id"}, {"name": "segment"}, {"name": "orders"}]}}}]}
                """));

        // orders is bare: PostgreSQL's default schema; v_customers is known as a view
        assertThat(mapped.lineage().inputs()).containsExactlyInAnyOrder(
                AssetId.parse("view:shop.analytics.v_customers"), AssetId.parse("table:shop.public.orders"));
        assertThat(mapped.lineage().columns()).contains(
                edge("column:shop.analytics.v_customers.segment", "column:shop.analytics.customer_orders.segment"));
    }

    @Test
    void unreadableSqlKeepsTheEventWithAWarning() {
        String json = fixture("airflow-complete.json")
                .replace("\"columnLineage\"", "\"otherFacet\"")
                .replace("INSERT INTO analytics.daily_orders (", "INSERT INTO analytics.daily_orders ((");
        OpenLineageMapper.MappedEvent mapped = mapper.map(event(json));

        assertThat(mapped.lineage().columns()).isEmpty();
        assertThat(mapped.lineage().inputs()).hasSize(1);
        assertThat(mapped.warnings()).singleElement().asString()
                .startsWith("The SQL job facet was not read (Statement 1 does not parse at line 1");
    }

    @Test
    void columnLineageFromUnlistedInputsAddsThemAsInputs() {
        OpenLineageMapper.MappedEvent mapped = mapper.map(OpenLineageEvents.parse(fixture("spark-run.json")).get(2));

        assertThat(mapped.lineage().inputs()).containsExactlyInAnyOrder(
                AssetId.parse("table:hive___metastore_9083.crm.customers"),
                AssetId.parse("table:s3___lake-raw.orders/2026.03"));
        assertThat(mapped.lineage().columns()).contains(
                edge("column:s3___lake-raw.orders/2026.03.amount", "column:hive___metastore_9083.mart.customer_ltv.ltv"));
    }

    @Test
    void theRunRecordsTheEventsOutputsAndRawText() {
        OpenLineageEvent event = event(fixture("airflow-complete.json"));
        LineageRun run = mapper.map(event).run();

        assertThat(run.job()).isEqualTo(AssetId.parse("job:airflow-prod.\"shop_etl.load_daily_orders\""));
        assertThat(run.runId()).isEqualTo("0195f5a8-3c1e-7c4e-9a51-3f0a3e9b2d11");
        assertThat(run.state()).isEqualTo("COMPLETE");
        assertThat(run.at()).isEqualTo(Instant.parse("2026-03-01T02:15:00Z"));
        assertThat(run.outputs()).containsExactly(AssetId.parse("table:shop.analytics.daily_orders"));
        assertThat(run.raw()).isEqualTo(event.raw());
    }
}
