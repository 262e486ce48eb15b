package io.zhongtai.service.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.Actor;
import io.zhongtai.core.search.SearchHit;
import io.zhongtai.core.search.SearchIndex;
import io.zhongtai.core.search.SearchQuery;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Relevance on the demo catalog (demo-retail.md): queries people type, in English and Chinese,
 * with typos, partial words, column names, phrases and filters, each with the asset that must
 * come first. The index is filled by the service's own projection (a rebuild, then the change
 * log), and each adapter's test runs the same list, so both engines must rank alike.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSearchRelevanceIT {
    /** Every query with the identifier of the asset that must be its first hit. */
    static final List<Expectation> EXPECTATIONS = List.of(
            // table names in every form
            new Expectation("orders", "table:demo.retail.orders"),
            new Expectation("order", "table:demo.retail.orders"),
            new Expectation("Orders", "table:demo.retail.orders"),
            new Expectation("order_items", "table:demo.retail.order_items"),
            new Expectation("order items", "table:demo.retail.order_items"),
            new Expectation("OrderItems", "table:demo.retail.order_items"),
            new Expectation("customers", "table:demo.retail.customers"),
            new Expectation("customer", "table:demo.retail.customers"),
            new Expectation("products", "table:demo.retail.products"),
            new Expectation("stores", "table:demo.retail.stores"),
            new Expectation("regions", "table:demo.retail.regions"),
            new Expectation("inventory snapshots", "table:demo.retail.inventory_snapshots"),
            new Expectation("inventory", "table:demo.retail.inventory_snapshots"),
            new Expectation("daily sales", "table:demo.mart.daily_sales"),
            new Expectation("customer ltv", "table:demo.mart.customer_ltv"),
            new Expectation("region daily", "table:demo.mart.region_daily"),
            new Expectation("feedback", "table:demo.retail.customer_feedback"),
            new Expectation("retail.orders", "table:demo.retail.orders"),
            new Expectation("table:demo.retail.orders", "table:demo.retail.orders"),
            new Expectation("mart", "schema:demo.mart"),
            new Expectation("demo", "warehouse:demo"),
            // typos
            new Expectation("ordrs", "table:demo.retail.orders"),
            new Expectation("custmers", "table:demo.retail.customers"),
            new Expectation("prodcuts", "table:demo.retail.products"),
            new Expectation("invetory snapshots", "table:demo.retail.inventory_snapshots"),
            new Expectation("feedbak", "table:demo.retail.customer_feedback"),
            new Expectation("regoins", "table:demo.retail.regions"),
            // the start of a name, as typed so far
            new Expectation("cust", "table:demo.retail.customers"),
            new Expectation("ord", "table:demo.retail.orders"),
            new Expectation("prod", "table:demo.retail.products"),
            new Expectation("invent", "table:demo.retail.inventory_snapshots"),
            // column names
            new Expectation("email", "column:demo.retail.customers.email"),
            new Expectation("phone", "column:demo.retail.customers.phone"),
            new Expectation("discount", "column:demo.retail.order_items.discount"),
            new Expectation("unit_price", "column:demo.retail.order_items.unit_price"),
            new Expectation("list price", "column:demo.retail.products.list_price"),
            new Expectation("snapshot_date", "column:demo.retail.inventory_snapshots.snapshot_date"),
            new Expectation("days_of_cover", "column:demo.mart.inventory_cover.days_of_cover"),
            new Expectation("region_name_zh", "column:demo.retail.regions.region_name_zh"),
            // Chinese
            new Expectation("订单", "table:demo.retail.orders"),
            new Expectation("订单明细", "table:demo.retail.order_items"),
            new Expectation("客户", "table:demo.retail.customers"),
            new Expectation("商品", "table:demo.retail.products"),
            new Expectation("门店", "table:demo.retail.stores"),
            new Expectation("库存", "table:demo.retail.inventory_snapshots"),
            new Expectation("每日销售", "table:demo.mart.daily_sales"),
            new Expectation("评价", "table:demo.retail.customer_feedback"),
            new Expectation("成交额", "term:Gross Merchandise Value"),
            new Expectation("客单价", "term:Average Order Value"),
            new Expectation("退款率", "term:Refund Rate"),
            // glossary, tags, owners
            // the governed metric named exactly gmv, since the metrics engine installs the demo metrics
            new Expectation("gmv", "metric:gmv"),
            new Expectation("aov", "term:Average Order Value"),
            new Expectation("gross merchandise value", "term:Gross Merchandise Value"),
            new Expectation("refund rate", "term:Refund Rate"),
            new Expectation("pii", "tag:pii"),
            new Expectation("data team", "group:data-team"),
            new Expectation("sales ops", "group:sales-ops"),
            // descriptions, phrases, filters
            new Expectation("loyalty program", "table:demo.retail.customers"),
            new Expectation("\"one row per review\"", "table:demo.retail.customer_feedback"),
            new Expectation("\"stock count\"", "table:demo.retail.inventory_snapshots"),
            new Expectation("type:column email", "column:demo.retail.customers.email"),
            new Expectation("tag:pii customers", "table:demo.retail.customers"),
            new Expectation("owner:group:crm feedback", "table:demo.retail.customer_feedback"));

    private SearchIndex index;

    /** Opens an empty index of the adapter under test. */
    protected abstract SearchIndex openIndex();

    @BeforeAll
    void fillFromTheCatalog() {
        RelevanceCatalog catalog = RelevanceCatalog.get();
        index = openIndex();
        SearchProjection projection = catalog.projection(index);
        RebuildRun run = projection.rebuild(Actor.SYSTEM);
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RebuildRun.Status.SUCCEEDED);
        projection.catchUp();
    }

    @AfterAll
    void closeIndex() {
        if (index != null) {
            index.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> eachQueryFindsItsAssetFirst() {
        return EXPECTATIONS.stream().map(expectation -> DynamicTest.dynamicTest(
                expectation.query() + " -> " + expectation.first(),
                () -> assertThat(firstHits(expectation.query()))
                        .as("first hits of '%s'", expectation.query())
                        .first()
                        .isEqualTo(expectation.first())));
    }

    @Test
    void coversAtLeastFortyQueriesOfEveryKind() {
        assertThat(EXPECTATIONS).hasSizeGreaterThanOrEqualTo(40);
        assertThat(EXPECTATIONS).anyMatch(e -> e.query().codePoints().anyMatch(Character::isIdeographic));
        assertThat(EXPECTATIONS.stream().map(Expectation::first).distinct()).hasSizeGreaterThan(25);
    }

    private List<String> firstHits(String query) {
        return index.search(SearchQuery.fromRequest(query, null, null, 0, 5, false)).hits().stream()
                .map(SearchHit::id)
                .map(Object::toString)
                .toList();
    }

    /** A query and the asset that must come first. */
    record Expectation(String query, String first) {}
}
