package io.zhongtai.service.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.Actor;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetPatch;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.asset.TagAssignment;
import io.zhongtai.core.asset.TagSource;
import io.zhongtai.core.search.SearchDocument;
import io.zhongtai.core.search.SearchFilter;
import io.zhongtai.core.search.SearchHit;
import io.zhongtai.core.search.SearchIndex;
import io.zhongtai.core.search.SearchQuery;
import io.zhongtai.core.security.Group;
import io.zhongtai.core.security.IdentityStore;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.search.lucene.LuceneSearchIndex;
import io.zhongtai.search.lucene.LuceneSearchIndexConfig;
import io.zhongtai.service.Readiness;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.service.TestingZhongtai.Response;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The projection on the running service's real catalog, writing to an index of its own: a
 * rebuild loses none of the changes made while it reads the catalog, and changes that reach
 * other assets' documents (an owner renamed or deleted, a column, a deprecation) reach them.
 */
class SearchProjectionIT {
    private static final Actor TESTER = new Actor("projection-test");

    private final TestingZhongtai zhongtai = TestingZhongtai.get();
    private final CatalogStore catalog = zhongtai.bean(CatalogStore.class);
    private SearchIndex index;

    @BeforeEach
    void openIndex() throws IOException {
        index = new LuceneSearchIndex(LuceneSearchIndexConfig.of(Files.createTempDirectory("zhongtai-projection-test")));
    }

    @AfterEach
    void closeIndex() {
        index.close();
    }

    private SearchProjection projection(CatalogStore store) {
        Readiness readiness = new Readiness();
        readiness.ready();
        SearchConfig config = new SearchConfig(null, 16, Duration.ofSeconds(1), 50, 25, 1_000_000);
        return new SearchProjection(store, zhongtai.bean(WarehouseStore.class), index, config, readiness, Clock.systemUTC());
    }

    @Test
    void aRebuildLosesNoChangeMadeWhileItReadsTheCatalog() {
        AtomicInteger pages = new AtomicInteger();
        AtomicReference<AssetId> changedDuringRebuild = new AtomicReference<>();
        // the real store, with one write slipped in after the first page of the rebuild was read:
        // the asset it changes was read before the change, so only the replay can bring it in
        CatalogStore store = (CatalogStore) Proxy.newProxyInstance(
                CatalogStore.class.getClassLoader(), new Class<?>[] {CatalogStore.class}, (proxy, method, arguments) -> {
                    try {
                        Object result = method.invoke(catalog, arguments);
                        if (method.getName().equals("assetsAfter") && pages.incrementAndGet() == 1) {
                            @SuppressWarnings("unchecked")
                            List<io.zhongtai.core.asset.AssetDetail> page = (List<io.zhongtai.core.asset.AssetDetail>) result;
                            AssetId first = page.stream()
                                    .map(detail -> detail.asset())
                                    .filter(asset -> !asset.deleted() && asset.type() == AssetType.COLUMN)
                                    .findFirst()
                                    .orElseThrow()
                                    .id();
                            catalog.patchAsset(first, description("Changed while the index was rebuilt: axolotl"), TESTER);
                            changedDuringRebuild.set(first);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        SearchProjection projection = projection(store);
        projection.catchUp();
        assertThat(index.appliedSequence()).isEqualTo(catalog.lastChangeSequence());
        long before = catalog.lastChangeSequence();

        RebuildRun run = projection.rebuild(TESTER);
        assertThat(run.status()).isEqualTo(RebuildRun.Status.SUCCEEDED);
        assertThat(run.sequence()).isEqualTo(before);
        assertThat(pages.get()).isGreaterThan(2);
        AssetId changed = changedDuringRebuild.get();
        // the new index starts where the rebuild began: the change is not in it yet ...
        assertThat(index.appliedSequence()).isEqualTo(before);
        assertThat(index.documents(List.of(changed))).singleElement()
                .satisfies(document -> assertThat(document.description()).doesNotContain("axolotl"));

        projection.catchUp();

        // ... and the projection brings it in from the log
        assertThat(index.appliedSequence()).isEqualTo(catalog.lastChangeSequence());
        // the column itself, and its table, which is found by its columns' descriptions
        assertThat(ids(index.search(SearchQuery.of("axolotl")))).contains(changed).hasSize(2);
        SearchProjection.ConsistencyReport report = projection.check();
        assertThat(report.consistent()).as(report.toString()).isTrue();
        assertThat(report.documents()).isEqualTo(report.assets()).isEqualTo(run.documents());
    }

    @Test
    void ownersRenamedOrDeletedChangeTheDocumentsOfWhatTheyOwn() {
        String name = "projshop";
        AssetId table = registerAndCrawl(name);
        IdentityStore identities = zhongtai.bean(IdentityStore.class);
        identities.createGroup(new Group("pangolin-crew", "Pangolin crew", "Looks after the shop", null, List.of(), Instant.now()), TESTER);
        AssetId group = AssetId.of(AssetType.GROUP, "pangolin-crew");
        catalog.patchAsset(table, new AssetPatch(null, Optional.of(List.of(group)), null, null, null), TESTER);
        SearchProjection projection = projection(catalog);
        projection.catchUp();
        assertThat(ids(index.search(SearchQuery.of("pangolin crew")))).containsExactlyInAnyOrder(group, table);

        identities.updateGroup(new Group("pangolin-crew", "Tapir crew", "Looks after the shop", null, List.of(), Instant.now()), TESTER);
        projection.catchUp();
        assertThat(ids(index.search(SearchQuery.of("tapir")))).containsExactlyInAnyOrder(group, table);
        assertThat(index.search(SearchQuery.of("pangolin")).hits()).extracting(SearchHit::id).containsExactly(group);
        assertThat(index.search(SearchQuery.of("").withFilters(List.of(SearchFilter.parse("owner:pangolin-crew")))).total()).isOne();

        identities.deleteGroup("pangolin-crew", TESTER);
        projection.catchUp();
        assertThat(index.documents(List.of(group))).isEmpty();
        assertThat(index.documents(List.of(table))).singleElement()
                .satisfies(document -> assertThat(document.owners()).isEmpty());
        assertThat(index.search(SearchQuery.of("tapir")).total()).isZero();
        assertThat(projection.check().consistent()).isTrue();
    }

    @Test
    void aDeprecatedTagHidesAnAssetUnlessASearchAsksForDeprecatedOnes() {
        AssetId table = registerAndCrawl("projold");
        zhongtai.send("POST", "/api/v1/tags", zhongtai.adminToken(), Map.of("name", "deprecated"));
        SearchProjection projection = projection(catalog);
        projection.catchUp();
        assertThat(ids(index.search(SearchQuery.of("legacy_ledger")))).first().isEqualTo(table);

        catalog.patchAsset(
                table, new AssetPatch(null, null, Optional.of(List.of(new TagAssignment("deprecated", null, TagSource.MANUAL))), null, null),
                TESTER);
        projection.catchUp();
        assertThat(ids(index.search(SearchQuery.of("legacy_ledger")))).doesNotContain(table);
        SearchQuery asked = SearchQuery.fromRequest("legacy_ledger deprecated:true", null, null, null, null, false);
        assertThat(ids(index.search(asked))).containsExactly(table);
        SearchDocument document = index.documents(List.of(table)).get(0);
        assertThat(document.deprecated()).isTrue();
        assertThat(document.platform()).isEqualTo("duckdb");
    }

    /** A DuckDB warehouse of its own with one table, registered and crawled; returns the table. */
    private AssetId registerAndCrawl(String name) {
        String admin = zhongtai.adminToken();
        Response registered = zhongtai.send("POST", "/api/v1/warehouses", admin, Map.of(
                "name", name, "jdbcUrl", "jdbc:duckdb:" + zhongtai.home().resolve("test-" + name + ".duckdb")));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        zhongtai.execute(name,
                "CREATE SCHEMA finance",
                "CREATE TABLE finance.legacy_ledger (entry_id BIGINT, amount DECIMAL(12,2))",
                "COMMENT ON TABLE finance.legacy_ledger IS 'Ledger entries of the old accounting system'");
        Response started = zhongtai.send("POST", "/api/v1/warehouses/" + name + "/crawl", admin, null);
        assertThat(zhongtai.awaitCrawl(admin, started.json()).get("status").asText()).isEqualTo("succeeded");
        return AssetId.of(AssetType.TABLE, name, "finance", "legacy_ledger");
    }

    private static AssetPatch description(String text) {
        return new AssetPatch(Optional.of(Optional.of(text)), null, null, null, null);
    }

    private static List<AssetId> ids(io.zhongtai.core.search.SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }
}
