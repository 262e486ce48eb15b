package io.zhongtai.service.search;

import io.micronaut.context.ApplicationContext;
import io.zhongtai.core.Actor;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.asset.Classification;
import io.zhongtai.core.search.SearchIndex;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.service.Readiness;
import io.zhongtai.service.demo.DemoService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo catalog of its own for the relevance tests, once per test JVM: the service's context
 * without its HTTP server, on a home of its own, the demo warehouse generated and crawled as a
 * first start does it, and a few glossary terms with their synonyms, as a steward would add
 * them. Kept apart from the shared test server, whose catalog other tests edit.
 */
final class RelevanceCatalog {
    private static RelevanceCatalog instance;

    private final ApplicationContext context;

    private RelevanceCatalog(ApplicationContext context) {
        this.context = context;
    }

    static synchronized RelevanceCatalog get() {
        if (instance == null) {
            try {
                Path home = Files.createTempDirectory("zhongtai-relevance");
                ApplicationContext context = ApplicationContext.builder()
                        .properties(Map.of(
                                "zhongtai.home", home.toString(),
                                "zhongtai.neo4j.page-cache-mb", 32,
                                "zhongtai.demo.scale", 0.01))
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(context::close));
                context.getBean(DemoService.class).create(42, 0.01, Actor.SYSTEM);
                CatalogStore store = context.getBean(CatalogStore.class);
                term(store, "Gross Merchandise Value", "Sum of paid order line amounts after discounts.", "GMV", "成交额", "销售额");
                term(store, "Average Order Value", "Paid order value divided by the number of paid orders.", "AOV", "客单价");
                term(store, "Refund Rate", "Share of orders that were refunded.", "退款率");
                term(store, "Stock On Hand", "Units a store holds at its last weekly count.", "库存量", "stock level");
                instance = new RelevanceCatalog(context);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    private static void term(CatalogStore store, String name, String description, String... synonyms) {
        store.createClassification(
                new Classification(AssetId.of(AssetType.TERM, name), description, List.of(synonyms), List.of(), 0, null, 0),
                Actor.SYSTEM);
    }

    CatalogStore store() {
        return context.getBean(CatalogStore.class);
    }

    /** The service's projection, over this catalog, writing to the given index. */
    SearchProjection projection(SearchIndex index) {
        Readiness readiness = new Readiness();
        readiness.ready();
        return new SearchProjection(
                store(), context.getBean(WarehouseStore.class), index,
                new SearchConfig(null, 16, Duration.ofSeconds(1), 500, 100, 1_000_000), readiness, Clock.systemUTC());
    }
}
