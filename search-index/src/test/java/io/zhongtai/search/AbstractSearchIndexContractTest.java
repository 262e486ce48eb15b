package io.zhongtai.search;

import static io.zhongtai.search.RetailCatalog.CUSTOMERS;
import static io.zhongtai.search.RetailCatalog.CUSTOMER_EMAIL;
import static io.zhongtai.search.RetailCatalog.CUSTOMER_NAME;
import static io.zhongtai.search.RetailCatalog.CUSTOMER_PHONE;
import static io.zhongtai.search.RetailCatalog.DAILY_SALES;
import static io.zhongtai.search.RetailCatalog.GMV_TERM;
import static io.zhongtai.search.RetailCatalog.ORDERS;
import static io.zhongtai.search.RetailCatalog.ORDERS_BACKUP;
import static io.zhongtai.search.RetailCatalog.ORDER_ITEMS;
import static io.zhongtai.search.RetailCatalog.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.search.FacetCount;
import io.zhongtai.core.search.SearchDocument;
import io.zhongtai.core.search.SearchFacet;
import io.zhongtai.core.search.SearchFilter;
import io.zhongtai.core.search.SearchHit;
import io.zhongtai.core.search.SearchIndex;
import io.zhongtai.core.search.SearchQuery;
import io.zhongtai.core.search.SearchResult;
import io.zhongtai.core.search.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The behaviour every {@link SearchIndex} adapter must have, on a small catalog shaped like the
 * demo retail warehouse ({@link RetailCatalog}). Each adapter's test extends this class and says
 * how to open an index; the assertions name concrete assets and counts, so both adapters must
 * rank and count alike.
 *
 * <p>Read-only tests share one index loaded once; tests that write open their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractSearchIndexContractTest {
    private SearchIndex catalog;
    private final List<SearchIndex> opened = new ArrayList<>();
    private final AtomicInteger names = new AtomicInteger();

    /**
     * Opens the index called {@code name}: empty the first time, and holding what was committed
     * when opened again under the same name after {@link SearchIndex#close()} (from a new process's
     * point of view: a new directory handle, a new client).
     */
    protected abstract SearchIndex open(String name);

    @BeforeAll
    void loadCatalog() {
        catalog = track(open("catalog"));
        catalog.upsert(RetailCatalog.documents());
        catalog.commit(14);
    }

    @AfterAll
    void closeIndexes() {
        opened.forEach(index -> {
            try {
                index.close();
            } catch (RuntimeException e) {
                // closed by the test already
            }
        });
    }

    // --- finding and ranking

    @Test
    void findsOrdersFirstForOrderAndOrdersAndChinese() {
        assertThat(ids(search("order"))).first().isEqualTo(ORDERS);
        assertThat(ids(search("orders"))).first().isEqualTo(ORDERS);
        assertThat(ids(search("订单"))).first().isEqualTo(ORDERS);
        assertThat(ids(search("订单"))).contains(ORDER_ITEMS);
        assertThat(ids(search("Orders"))).first().isEqualTo(ORDERS);
    }

    @Test
    void findsOrderItemsByItsNameInEveryForm() {
        assertThat(ids(search("order_items"))).first().isEqualTo(ORDER_ITEMS);
        assertThat(ids(search("order items"))).first().isEqualTo(ORDER_ITEMS);
        assertThat(ids(search("OrderItems"))).first().isEqualTo(ORDER_ITEMS);
        assertThat(ids(search("retail.order_items"))).first().isEqualTo(ORDER_ITEMS);
        assertThat(ids(search("table:demo.retail.order_items"))).first().isEqualTo(ORDER_ITEMS);
    }

    @Test
    void toleratesTyposInWordsOfFiveLettersOrMore() {
        assertThat(ids(search("ordrs"))).first().isEqualTo(ORDERS);
        assertThat(ids(search("custmer"))).first().isEqualTo(CUSTOMERS);
        assertThat(ids(search("prodcuts"))).first().isEqualTo(PRODUCTS);
        // four letters: no typo tolerance, so "ordr" is only a prefix of nothing
        assertThat(search("cty").total()).isZero();
    }

    @Test
    void findsChineseDescriptionsAndLabels() {
        assertThat(ids(search("客户"))).containsExactly(CUSTOMERS);
        assertThat(ids(search("商品"))).first().isEqualTo(PRODUCTS);
        assertThat(ids(search("成交额"))).first().isEqualTo(GMV_TERM);
        assertThat(ids(search("GMV"))).first().isEqualTo(GMV_TERM);
    }

    @Test
    void findsTablesByColumnsAndColumnsByName() {
        assertThat(ids(search("revenue"))).first().isEqualTo(DAILY_SALES);
        assertThat(ids(search("email"))).first().isEqualTo(CUSTOMER_EMAIL);
        assertThat(ids(search("email"))).contains(CUSTOMERS);
        assertThat(ids(search("gross merchandise value"))).first().isEqualTo(GMV_TERM);
        assertThat(ids(search("gross merchandise value"))).contains(DAILY_SALES);
    }

    @Test
    void matchesThePrefixOfTheLastWordAsYouType() {
        assertThat(ids(search("custo"))).first().isEqualTo(CUSTOMERS);
        assertThat(ids(search("daily sal"))).first().isEqualTo(DAILY_SALES);
    }

    @Test
    void popularAndCertifiedAssetsRankHigherAmongEqualMatches() {
        // all three tables mention "store" only in a column; daily_sales is certified and read most
        List<AssetId> hits = ids(search("store_id"));
        assertThat(hits.indexOf(DAILY_SALES)).isLessThan(hits.indexOf(ORDERS));
        // browsing without text ranks by the rank boost alone
        assertThat(ids(search(""))).first().isEqualTo(DAILY_SALES);
    }

    @Test
    void neverReturnsDeletedAssets() {
        assertThat(ids(search("orders_backup"))).doesNotContain(ORDERS_BACKUP);
        assertThat(ids(search("old copy"))).isEmpty();
        assertThat(search("").total()).isEqualTo(13);
        assertThat(catalog.suggest("orders_b", 10)).isEmpty();
        assertThat(search("").facet(SearchFacet.TYPE)).contains(new FacetCount("table", 6));
    }

    @Test
    void matchesQuotedPhrasesExactlyAndInOrder() {
        assertThat(ids(search("\"order items\""))).first().isEqualTo(ORDER_ITEMS);
        assertThat(ids(search("\"order lines\""))).containsExactlyInAnyOrder(ORDER_ITEMS, GMV_TERM);
        assertThat(ids(search("\"one row per product\""))).containsExactly(ORDER_ITEMS);
        assertThat(search("\"lines order\"").total()).isZero();
        // no typos inside quotes
        assertThat(search("\"ordr lines\"").total()).isZero();
        // a phrase never runs from one column name into the next (order_items: ... product_id, quantity ...)
        assertThat(search("\"id quantity\"").total()).isZero();
        assertThat(ids(search("\"unit price\" discount"))).first().isEqualTo(ORDER_ITEMS);
        assertThat(ids(search("\"daily revenue\" store"))).containsExactly(DAILY_SALES);
    }

    @Test
    void hidesDeprecatedAssetsUnlessAskedAndRanksThemLower() {
        SearchIndex index = fresh();
        AssetId oldOrders = AssetId.of(AssetType.TABLE, "demo", "retail", "orders_v1");
        index.upsert(List.of(SearchDocument.builder(oldOrders)
                .description("Customer orders as the old shop landed them; use orders instead.")
                .owners(List.of(new io.zhongtai.core.asset.OwnerRef(AssetId.of(AssetType.GROUP, "sales-ops"), "Sales operations")))
                .reads(50_000).platform("duckdb").updatedAt(RetailCatalog.AT).deprecated(true).build()));
        index.commit(15);
        assertThat(ids(search(index, "orders"))).doesNotContain(oldOrders);
        assertThat(search(index, "").total()).isEqualTo(13);
        SearchResult onlyDeprecated = index.search(SearchQuery.fromRequest("orders deprecated:true", null, null, null, null, false));
        assertThat(ids(onlyDeprecated)).containsExactly(oldOrders);
        SearchResult both = index.search(SearchQuery.fromRequest("orders", null, List.of("deprecated:true", "deprecated:false"), null, null, false));
        assertThat(ids(both)).contains(oldOrders);
        assertThat(ids(both).indexOf(ORDERS)).isLessThan(ids(both).indexOf(oldOrders));
    }

    @Test
    void favoursRecentlyChangedAssetsAmongEqualMatches() {
        SearchIndex index = fresh();
        AssetId fresh = AssetId.of(AssetType.TABLE, "demo", "staging", "stg_b");
        AssetId stale = AssetId.of(AssetType.TABLE, "demo", "staging", "stg_a");
        java.time.Instant now = java.time.Instant.now();
        index.upsert(List.of(
                SearchDocument.builder(stale).description("Refund requests copied from the till.").updatedAt(now.minus(java.time.Duration.ofDays(730))).build(),
                SearchDocument.builder(fresh).description("Refund requests copied from the till.").updatedAt(now).build()));
        index.commit(15);
        List<SearchHit> hits = search(index, "refund requests").hits();
        assertThat(hits).extracting(SearchHit::id).containsExactly(fresh, stale);
        assertThat(hits.get(0).score() / hits.get(1).score()).isCloseTo(1.1, org.assertj.core.data.Offset.offset(0.001));
    }

    @Test
    void readsStoredDocumentsBackById() {
        AssetId missing = AssetId.of(AssetType.TABLE, "demo", "retail", "never_indexed");
        List<SearchDocument> found = catalog.documents(List.of(ORDERS, CUSTOMER_EMAIL, ORDERS_BACKUP, missing));
        List<SearchDocument> expected = RetailCatalog.documents().stream()
                .filter(document -> Set.of(ORDERS, CUSTOMER_EMAIL, ORDERS_BACKUP).contains(document.id()))
                .toList();
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(catalog.documents(List.of())).isEmpty();
    }

    // --- filters, facets, paging, snippets, explanations

    @Test
    void countsFacetsOverAllHits() {
        SearchResult all = search("");
        assertThat(all.facet(SearchFacet.TYPE)).containsExactly(
                new FacetCount("table", 6), new FacetCount("column", 5), new FacetCount("schema", 1), new FacetCount("term", 1));
        assertThat(all.facet(SearchFacet.TAGS)).containsExactly(new FacetCount("pii", 4));
        assertThat(all.facet(SearchFacet.OWNER)).containsExactly(
                new FacetCount("group:sales-ops", 3), new FacetCount("group:data-team", 2), new FacetCount("group:crm", 1),
                new FacetCount("user:alice", 1));
        assertThat(all.facet(SearchFacet.WAREHOUSE)).containsExactly(new FacetCount("demo", 12));
        assertThat(all.facet(SearchFacet.SCHEMA)).containsExactly(new FacetCount("retail", 11), new FacetCount("mart", 1));
        assertThat(all.facet(SearchFacet.DOMAIN)).containsExactly(new FacetCount("Sales", 5), new FacetCount("Customer", 1));
        assertThat(all.facet(SearchFacet.CERTIFIED)).containsExactly(new FacetCount("false", 12), new FacetCount("true", 1));
    }

    @Test
    void facetsNarrowWithFilters() {
        SearchResult pii = catalog.search(SearchQuery.of("").withFilters(List.of(SearchFilter.parse("tag:pii"))));
        assertThat(pii.total()).isEqualTo(4);
        assertThat(ids(pii)).containsExactlyInAnyOrder(CUSTOMERS, CUSTOMER_EMAIL, CUSTOMER_PHONE, CUSTOMER_NAME);
        assertThat(pii.facet(SearchFacet.TYPE)).containsExactly(new FacetCount("column", 3), new FacetCount("table", 1));
        assertThat(pii.facet(SearchFacet.OWNER)).containsExactly(new FacetCount("group:crm", 1));

        SearchResult customerPii = catalog.search(SearchQuery.of("customer").withFilters(List.of(SearchFilter.parse("tag:pii"))));
        assertThat(ids(customerPii)).first().isEqualTo(CUSTOMERS);
        assertThat(customerPii.total()).isEqualTo(4);
    }

    @Test
    void filtersByOwnerDomainWarehouseAndCertification() {
        assertThat(ids(filtered("", "owner:group:data-team"))).containsExactlyInAnyOrder(DAILY_SALES, RetailCatalog.RETAIL);
        assertThat(ids(filtered("", "owner:alice"))).containsExactly(GMV_TERM);
        assertThat(ids(filtered("", "certified:true"))).containsExactly(DAILY_SALES);
        assertThat(filtered("", "domain:Sales").total()).isEqualTo(5);
        assertThat(filtered("", "warehouse:demo").total()).isEqualTo(12);
        // the same key twice: either; two keys: both
        assertThat(filtered("", "domain:Sales", "domain:Customer").total()).isEqualTo(6);
        assertThat(ids(filtered("", "domain:Sales", "owner:group:data-team"))).containsExactly(DAILY_SALES);
        // filters written in the query text
        SearchResult inText = catalog.search(SearchQuery.fromRequest("type:table tag:pii customer", null, null, null, null, false));
        assertThat(ids(inText)).containsExactly(CUSTOMERS);
    }

    @Test
    void filtersByType() {
        SearchResult columns = catalog.search(SearchQuery.of("order").withTypes(Set.of(AssetType.COLUMN)));
        assertThat(columns.hits()).isNotEmpty().allMatch(hit -> hit.type() == AssetType.COLUMN);
        assertThat(columns.facet(SearchFacet.TYPE)).containsExactly(new FacetCount("column", 2));
        SearchResult tablesAndTerms = catalog.search(SearchQuery.of("").withTypes(Set.of(AssetType.TABLE, AssetType.TERM)));
        assertThat(tablesAndTerms.total()).isEqualTo(7);
    }

    @Test
    void pagesThroughHitsInOneStableOrder() {
        List<AssetId> firstFour = ids(catalog.search(SearchQuery.of("").withPage(0, 4)));
        SearchResult page0 = catalog.search(SearchQuery.of("").withPage(0, 2));
        SearchResult page1 = catalog.search(SearchQuery.of("").withPage(1, 2));
        assertThat(page0.total()).isEqualTo(13);
        assertThat(page1.total()).isEqualTo(13);
        assertThat(page1.page()).isEqualTo(1);
        assertThat(ids(page0)).hasSize(2);
        assertThat(ids(page1)).hasSize(2);
        List<AssetId> both = new ArrayList<>(ids(page0));
        both.addAll(ids(page1));
        assertThat(both).isEqualTo(firstFour);
        assertThat(catalog.search(SearchQuery.of("").withPage(6, 2)).hits()).hasSize(1);
        assertThat(catalog.search(SearchQuery.of("").withPage(7, 2)).hits()).isEmpty();
    }

    @Test
    void highlightsWhatMatchedInASnippet() {
        SearchHit customers = search("客户").hits().get(0);
        assertThat(customers.snippet().field()).isEqualTo("description");
        assertThat(customers.snippet().html()).contains("<em>客户</em>信息表");

        SearchHit dailySales = search("revenue").hits().get(0);
        assertThat(dailySales.snippet().html()).contains("<em>revenue</em>");

        SearchHit orders = search("ordrs").hits().get(0);
        assertThat(orders.snippet().html()).contains("<em>orders</em>");

        SearchHit email = search("email").hits().get(0);
        assertThat(email.snippet().html()).isEqualTo("<em>Email</em> address of the customer");
    }

    @Test
    void explainsScoresOnlyWhenAsked() {
        SearchResult plain = search("orders");
        assertThat(plain.hits()).allMatch(hit -> hit.explain() == null);
        SearchResult explained = catalog.search(SearchQuery.of("orders").withExplain(true));
        assertThat(explained.hits()).isNotEmpty().allMatch(hit -> hit.explain() != null && !hit.explain().isBlank());
        assertThat(explained.hits().get(0).explain()).contains("name");
        assertThat(explained.hits().get(0).score()).isPositive();
    }

    @Test
    void suggestsByPrefixTablesBeforeColumns() {
        List<AssetId> suggestions = catalog.suggest("ord", 10).stream().map(Suggestion::id).toList();
        assertThat(suggestions).startsWith(ORDERS, ORDER_ITEMS);
        assertThat(suggestions).contains(RetailCatalog.ORDER_ID, RetailCatalog.ORDER_DATE).doesNotContain(ORDERS_BACKUP);
        assertThat(catalog.suggest("ord", 1)).extracting(Suggestion::name).containsExactly("orders");
        assertThat(catalog.suggest("Cust", 2)).extracting(Suggestion::id).first().isEqualTo(CUSTOMERS);
        assertThat(catalog.suggest("items", 5)).extracting(Suggestion::id).containsExactly(ORDER_ITEMS);
        assertThat(catalog.suggest("成交", 5)).extracting(Suggestion::id).containsExactly(GMV_TERM);
        assertThat(catalog.suggest("  ", 5)).isEmpty();
        assertThatThrownBy(() -> catalog.suggest("ord", 0)).isInstanceOf(CatalogException.class);
    }

    @Test
    void answersNothingWhenNothingMatches() {
        SearchResult none = search("zebra");
        assertThat(none.total()).isZero();
        assertThat(none.hits()).isEmpty();
        assertThat(none.facet(SearchFacet.TYPE)).isEmpty();
    }

    // --- writes, durability, rebuild

    @Test
    void upsertReplacesTheWholeDocument() {
        SearchIndex index = fresh();
        assertThat(search(index, "zebra").total()).isZero();
        index.upsert(List.of(RetailCatalog.orders().description("Zebra crossings per store").build()));
        index.commit(15);
        assertThat(ids(search(index, "zebra"))).containsExactly(ORDERS);
        assertThat(ids(search(index, "订单"))).doesNotContain(ORDERS);
        assertThat(index.documentCount()).isEqualTo(14);
    }

    @Test
    void deleteRemovesDocuments() {
        SearchIndex index = fresh();
        index.delete(List.of(CUSTOMERS, AssetId.of(AssetType.TABLE, "demo", "retail", "never_indexed")));
        index.commit(15);
        assertThat(ids(search(index, "customers"))).doesNotContain(CUSTOMERS);
        assertThat(index.documentCount()).isEqualTo(13);
        assertThat(index.suggest("customers", 5)).extracting(Suggestion::id).doesNotContain(CUSTOMERS);
    }

    @Test
    void softDeletingHidesAnAssetThatWasLive() {
        SearchIndex index = fresh();
        index.upsert(List.of(RetailCatalog.orders().deleted(true).build()));
        index.commit(15);
        assertThat(ids(search(index, "orders"))).doesNotContain(ORDERS);
        assertThat(index.documentCount()).isEqualTo(14);
    }

    @Test
    void appliedSequenceAndDocumentsSurviveReopening() {
        String name = "durable-" + names.incrementAndGet();
        SearchIndex first = track(open(name));
        assertThat(first.appliedSequence()).isZero();
        first.upsert(RetailCatalog.documents());
        first.commit(42);
        // written but never committed: may be lost, and the sequence must not claim it
        first.upsert(List.of(RetailCatalog.orders().description("uncommitted zebra").build()));
        first.close();

        SearchIndex second = track(open(name));
        assertThat(second.appliedSequence()).isEqualTo(42);
        assertThat(second.documentCount()).isEqualTo(14);
        assertThat(ids(search(second, "orders"))).first().isEqualTo(ORDERS);
        assertThatThrownBy(() -> second.commit(41))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST));
        second.commit(42);
        assertThat(second.appliedSequence()).isEqualTo(42);
    }

    @Test
    void rebuildSwapsWhileSearchesKeepAnswering() throws Exception {
        SearchIndex index = fresh();
        List<SearchDocument> rebuilt = new ArrayList<>(RetailCatalog.documents());
        rebuilt.removeIf(document -> document.id().equals(PRODUCTS));
        rebuilt.add(SearchDocument.builder(AssetId.of(AssetType.TABLE, "demo", "retail", "returns"))
                .description("Returned items with the reason given.")
                .platform("duckdb").updatedAt(RetailCatalog.AT).build());
        rebuilt.addAll(RetailCatalog.filler(500));

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicLong searchesDuringRebuild = new AtomicLong();
        ExecutorService searcher = Executors.newSingleThreadExecutor();
        Future<?> searching = searcher.submit(() -> {
            while (rebuilding.get()) {
                SearchResult result = search(index, "orders");
                assertThat(ids(result)).first().isEqualTo(ORDERS);
                searchesDuringRebuild.incrementAndGet();
                Thread.sleep(5); // leave the rebuild some of the two cores
            }
            return null;
        });
        AtomicInteger streamed = new AtomicInteger();
        try {
            index.rebuild(rebuilt.stream().peek(document -> {
                if (streamed.incrementAndGet() == rebuilt.size() / 2) {
                    // halfway through the rebuild: the old content still answers, from this thread too
                    assertThat(ids(search(index, "products"))).first().isEqualTo(PRODUCTS);
                    assertThat(search(index, "returns").total()).isZero();
                }
            }), 100);
        } finally {
            rebuilding.set(false);
        }
        searching.get();
        searcher.shutdown();

        assertThat(searchesDuringRebuild.get()).isPositive();
        assertThat(streamed.get()).isEqualTo(rebuilt.size());
        assertThat(index.appliedSequence()).isEqualTo(100);
        assertThat(index.documentCount()).isEqualTo(rebuilt.size());
        assertThat(ids(search(index, "returns"))).first().isEqualTo(AssetId.of(AssetType.TABLE, "demo", "retail", "returns"));
        assertThat(ids(search(index, "products"))).doesNotContain(PRODUCTS);
        assertThat(ids(search(index, "orders"))).first().isEqualTo(ORDERS);
        // writes go on in the new index
        index.upsert(List.of(RetailCatalog.orders().description("Zebra orders").build()));
        index.commit(101);
        assertThat(ids(search(index, "zebra"))).containsExactly(ORDERS);
    }

    @Test
    void aFailedRebuildLeavesTheOldIndexServing() {
        SearchIndex index = fresh();
        Stream<SearchDocument> failing = Stream.concat(
                RetailCatalog.filler(10).stream(),
                Stream.generate(() -> {
                    throw new IllegalStateException("the store went away");
                }));
        assertThatThrownBy(() -> index.rebuild(failing.limit(20), 200)).hasMessageContaining("the store went away");
        assertThat(index.appliedSequence()).isEqualTo(14);
        assertThat(ids(search(index, "orders"))).first().isEqualTo(ORDERS);
        assertThat(index.documentCount()).isEqualTo(14);
    }

    @Test
    void refusesQueriesItCannotAnswer() {
        assertThatThrownBy(() -> SearchQuery.of("x".repeat(SearchQuery.MAX_TEXT_LENGTH + 1)))
                .isInstanceOf(CatalogException.class);
        assertThatThrownBy(() -> SearchQuery.of("orders").withPage(100, 100)).isInstanceOf(CatalogException.class);
        // stop words only: nothing to search for, and no failure
        assertThat(search("of the").total()).isZero();
    }

    // --- helpers

    private SearchIndex fresh() {
        SearchIndex index = track(open("fresh-" + names.incrementAndGet()));
        index.upsert(RetailCatalog.documents());
        index.commit(14);
        return index;
    }

    private SearchIndex track(SearchIndex index) {
        opened.add(index);
        return index;
    }

    private SearchResult search(String text) {
        return search(catalog, text);
    }

    private static SearchResult search(SearchIndex index, String text) {
        return index.search(SearchQuery.of(text));
    }

    private SearchResult filtered(String text, String... filters) {
        return catalog.search(SearchQuery.of(text).withFilters(Stream.of(filters).map(SearchFilter::parse).toList()));
    }

    private static List<AssetId> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }
}
