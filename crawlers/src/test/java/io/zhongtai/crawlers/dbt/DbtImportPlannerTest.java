package io.zhongtai.crawlers.dbt;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.DatasetSketch;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageOrigin;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.crawlers.sql.JSqlParserLineageExtractor;
import io.zhongtai.testing.DbtFixtures;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DbtImportPlannerTest {
    private static final DbtManifest MANIFEST = DbtManifests.parse(DbtFixtures.manifest(), DbtFixtures.catalog());
    private final DbtImportPlanner planner = new DbtImportPlanner(new JSqlParserLineageExtractor());
    private final Function<AssetId, Optional<AssetId>> nothingStored = id -> Optional.empty();

    private DbtImportPlanner.Plan plan() {
        return planner.plan(MANIFEST, "demo", Dialect.DUCKDB, "demo", nothingStored);
    }

    private static JobLineage job(DbtImportPlanner.Plan plan, String id) {
        return plan.jobs().stream()
                .map(DbtImportPlanner.PlannedJob::lineage)
                .filter(lineage -> lineage.job().equals(AssetId.parse(id)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no job " + id));
    }

    private static Map<String, List<String>> edgesByTarget(JobLineage lineage) {
        return lineage.columns().stream().collect(Collectors.groupingBy(
                edge -> edge.target().name(),
                Collectors.mapping(edge -> edge.source().path().get(2) + "." + edge.source().name(), Collectors.toList())));
    }

    @Test
    void oneJobPerModelNamedAfterIt() {
        DbtImportPlanner.Plan plan = plan();
        assertThat(plan.jobs()).extracting(job -> job.lineage().job().toString()).containsExactly(
                "job:demo.dbt_daily_sales", "job:demo.dbt_region_daily", "job:demo.dbt_customer_ltv", "job:demo.dbt_region_performance");
        assertThat(plan.summary()).isEqualTo(new DbtImportPlanner.Summary(4, 1, 1, 0, 5, 5, 1, 4, plan.summary().columnEdges()));
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void anEphemeralModelIsReadThrough() {
        JobLineage daily = job(plan(), "job:demo.dbt_daily_sales");
        assertThat(daily.origin()).isEqualTo(LineageOrigin.DBT);
        assertThat(daily.inputs()).containsExactly(
                AssetId.parse("table:demo.retail.order_items"), AssetId.parse("table:demo.retail.orders"));
        assertThat(daily.outputs()).containsExactly(AssetId.parse("table:demo.mart.daily_sales"));
        assertThat(daily.description()).isEqualTo("Paid sales per day, store and product.");
        assertThat(daily.properties())
                .containsEntry("dbtUniqueId", "model.retail_mart.daily_sales")
                .containsEntry("materialized", "table")
                .containsEntry("dialect", "duckdb");
    }

    @Test
    void columnLineageComesFromTheCompiledSql() {
        Map<String, List<String>> daily = edgesByTarget(job(plan(), "job:demo.dbt_daily_sales"));
        assertThat(daily).containsOnlyKeys("sale_date", "store_id", "product_id", "revenue", "units", "orders");
        assertThat(daily.get("sale_date")).containsExactly("orders.order_date");
        assertThat(daily.get("product_id")).containsExactly("order_items.product_id");
        assertThat(daily.get("revenue")).containsExactlyInAnyOrder(
                "order_items.quantity", "order_items.unit_price", "order_items.discount");
        assertThat(daily.get("orders")).containsExactly("orders.order_id");

        Map<String, List<String>> ltv = edgesByTarget(job(plan(), "job:demo.dbt_customer_ltv"));
        assertThat(ltv.get("first_order_date")).containsExactly("orders.order_date");
        assertThat(ltv.get("customer_id")).containsExactly("orders.customer_id");

        JobLineage region = job(plan(), "job:demo.dbt_region_daily");
        assertThat(region.columns()).contains(new ColumnEdge(
                AssetId.parse("column:demo.mart.daily_sales.revenue"), AssetId.parse("column:demo.mart.region_daily.revenue")));
        assertThat(edgesByTarget(region).get("region_name")).containsExactly("regions.region_name");
    }

    @Test
    void viewModelsAndSeedsBecomeTheirDatasets() {
        JobLineage performance = job(plan(), "job:demo.dbt_region_performance");
        assertThat(performance.outputs()).containsExactly(AssetId.parse("view:demo.mart.region_performance"));
        assertThat(performance.inputs()).containsExactly(
                AssetId.parse("table:demo.mart.region_daily"), AssetId.parse("table:demo.mart.region_targets"));
        DbtImportPlanner.PlannedJob planned = plan().jobs().get(3);
        DatasetSketch targets = planned.sketches().stream()
                .filter(sketch -> sketch.id().equals(AssetId.parse("table:demo.mart.region_targets")))
                .findFirst()
                .orElseThrow();
        assertThat(targets.description()).isEqualTo("Yearly revenue targets per region, kept by finance.");
        assertThat(targets.columns()).contains(new DatasetSketch.SketchColumn("target_revenue", "DECIMAL(18,2)", "Target revenue in CNY."));
    }

    @Test
    void whatTheCatalogHoldsDecidesTableOrView() {
        // the warehouse has daily_sales as a view although dbt says table: the catalog's node wins
        AssetId storedView = AssetId.parse("view:demo.mart.daily_sales");
        DbtImportPlanner.Plan plan = planner.plan(MANIFEST, "demo", Dialect.DUCKDB, "demo",
                id -> id.qualifiedName().equals("demo.mart.daily_sales") ? Optional.of(storedView) : Optional.empty());
        assertThat(job(plan, "job:demo.dbt_daily_sales").outputs()).containsExactly(storedView);
        assertThat(job(plan, "job:demo.dbt_region_daily").inputs()).contains(storedView);
    }

    @Test
    void curationsCarryDescriptionsOwnersTagsAndTests() {
        Map<AssetId, DbtImportPlanner.Curation> curations = plan().curations().stream()
                .collect(Collectors.toMap(DbtImportPlanner.Curation::asset, curation -> curation));

        assertThat(curations.get(AssetId.parse("table:demo.mart.daily_sales"))).isEqualTo(new DbtImportPlanner.Curation(
                AssetId.parse("table:demo.mart.daily_sales"), "Paid sales per day, store and product.", "data-team", List.of("sales", "daily")));
        assertThat(curations.get(AssetId.parse("column:demo.mart.daily_sales.revenue")).tags())
                .containsExactly("finance", "dbt_not_null");
        assertThat(curations.get(AssetId.parse("column:demo.mart.daily_sales.sale_date")))
                .isEqualTo(new DbtImportPlanner.Curation(
                        AssetId.parse("column:demo.mart.daily_sales.sale_date"), "Date of the orders.", null, List.of("dbt_not_null")));
        assertThat(curations.get(AssetId.parse("column:demo.mart.customer_ltv.customer_id")).tags())
                .containsExactly("dbt_unique", "dbt_relationships");
        assertThat(curations.get(AssetId.parse("column:demo.retail.orders.status")).tags()).containsExactly("dbt_accepted_values");
        assertThat(curations.get(AssetId.parse("table:demo.retail.orders")).owner()).isEqualTo("sales-ops");
        // the ephemeral model is nothing in the warehouse
        assertThat(curations.keySet()).noneMatch(id -> id.toString().contains("paid_orders"));
    }

    @Test
    void unreadableCompiledSqlCostsOnlyThatModelsColumns() {
        DbtManifest broken = DbtManifests.parse(
                DbtFixtures.manifest().replace("count(distinct p.order_id) as orders", "count(distinct p.order_id) as orders,,"),
                DbtFixtures.catalog());
        DbtImportPlanner.Plan plan = planner.plan(broken, "demo", Dialect.DUCKDB, "demo", nothingStored);

        JobLineage daily = job(plan, "job:demo.dbt_daily_sales");
        assertThat(daily.columns()).isEmpty();
        assertThat(daily.inputs()).hasSize(2);
        assertThat(job(plan, "job:demo.dbt_region_daily").columns()).isNotEmpty();
        assertThat(plan.warnings()).singleElement().asString()
                .startsWith("The compiled SQL of model.retail_mart.daily_sales was not read (Statement 1 does not parse");
    }

    @Test
    void warnsWhenTheProjectsDatabaseIsNotTheWarehouses() {
        DbtImportPlanner.Plan plan = planner.plan(MANIFEST, "demo_copy", Dialect.DUCKDB, "demo_copy", nothingStored);
        assertThat(plan.warnings()).containsExactly("Nodes in database 'demo' are mapped onto warehouse 'demo_copy' too");
        assertThat(job(plan, "job:demo_copy.dbt_daily_sales").outputs()).containsExactly(AssetId.parse("table:demo_copy.mart.daily_sales"));
    }
}
