package io.zhongtai.metrics.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.security.Role;
import io.zhongtai.metrics.demo.DemoMetrics;
import io.zhongtai.metrics.model.Labels;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricSpec;
import io.zhongtai.metrics.model.MetricStatus;
import io.zhongtai.metrics.model.MetricVersion;
import io.zhongtai.metrics.validate.ManifestValidator;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {
    private static final Actor ALICE = new Actor("alice");
    private static final Actor STEVE = new Actor("steve");
    private InMemoryMetricStore store;
    private MetricRegistry registry;

    @BeforeEach
    void setUp() {
        store = new InMemoryMetricStore();
        registry = new MetricRegistry(store, new ManifestValidator(), Clock.systemUTC());
        registry.apply(DemoMetrics.manifest(), Actor.SYSTEM, Role.ADMIN, "demo", true);
    }

    private static Metric onlineGmv(String filter) {
        return new Metric("online_gmv", new MetricSpec.Simple("revenue", filter), new Labels("Online GMV", "线上成交额",
                List.of(), List.of()), "GMV of online orders", "data-team", "Sales", List.of(), "CNY", null);
    }

    @Test
    void theDemoIsCertifiedWithLineageToColumns() {
        assertThat(registry.snapshot().effective().values()).hasSize(11)
                .allSatisfy(v -> assertThat(v.status()).isEqualTo(MetricStatus.CERTIFIED));
        var gmv = store.versions("gmv").get(0);
        assertThat(gmv.facts().columns()).contains(
                AssetId.parse("column:demo.retail.order_items.quantity"),
                AssetId.parse("column:demo.retail.order_items.unit_price"),
                AssetId.parse("column:demo.retail.order_items.discount"),
                AssetId.parse("column:demo.retail.orders.status"),
                AssetId.parse("column:demo.retail.orders.order_date"));
        assertThat(store.versions("gross_profit").get(0).facts().columns())
                .contains(AssetId.parse("column:demo.retail.products.unit_cost"));
        assertThat(gmv.facts().owner()).isEqualTo(AssetId.parse("group:data-team"));
        assertThat(store.versions("gmv")).extracting(s -> s.status()).containsExactly("certified", "in_review", "draft");
    }

    @Test
    void aMetricGoesFromDraftThroughReviewToCertifiedAndOnlyStewardsCertify() {
        MetricVersion v1 = registry.create(onlineGmv("order_status = 'paid' AND channel = 'online'"), ALICE,
                Role.ANALYST, "for the web team");
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.status()).isEqualTo(MetricStatus.DRAFT);
        MetricVersion v2 = registry.transition("online_gmv", MetricRegistry.Action.SUBMIT, ALICE, Role.ANALYST, null);
        assertThat(v2.status()).isEqualTo(MetricStatus.IN_REVIEW);
        assertThatThrownBy(() -> registry.transition("online_gmv", MetricRegistry.Action.CERTIFY, ALICE, Role.ANALYST, "ok"))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN);
                    assertThat(e.getMessage()).isEqualTo("Only stewards or admins may certify a metric; you are analyst");
                });
        MetricVersion v3 = registry.transition("online_gmv", MetricRegistry.Action.CERTIFY, STEVE, Role.STEWARD, "checked");
        assertThat(v3.status()).isEqualTo(MetricStatus.CERTIFIED);
        assertThat(v3.by()).isEqualTo("steve");
        assertThat(v3.reason()).isEqualTo("checked");
        assertThat(v3.changes()).containsExactly(new Change("status", "in_review", "certified"));
    }

    @Test
    void aCertifiedMetricIsNeverChangedInPlace() {
        Metric changed = new Metric("gmv", new MetricSpec.Simple("revenue", "order_status IN ('paid', 'refunded')"),
                registry.snapshot().effective().get("gmv").definition().labels(), "with refunds", "data-team", "Sales",
                List.of(), "CNY", "#,##0.00");
        MetricVersion draft = registry.update("gmv", changed, ALICE, Role.ANALYST, "count refunds too");
        assertThat(draft.version()).isEqualTo(4);
        assertThat(draft.status()).isEqualTo(MetricStatus.DRAFT);
        assertThat(draft.changes()).extracting(Change::field).containsExactly("description", "filter", "status");
        // queries keep the certified version until the draft is certified
        assertThat(registry.snapshot().effective().get("gmv").version()).isEqualTo(3);
        assertThat(((MetricSpec.Simple) registry.snapshot().manifest().metric("gmv").orElseThrow().spec()).filter())
                .isEqualTo("order_status = 'paid'");
        assertThat(registry.snapshot().latest().get("gmv").version()).isEqualTo(4);
        registry.transition("gmv", MetricRegistry.Action.SUBMIT, ALICE, Role.ANALYST, null);
        assertThatThrownBy(() -> registry.update("gmv", changed, ALICE, Role.ANALYST, "again"))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LIFECYCLE_CONFLICT));
        registry.transition("gmv", MetricRegistry.Action.CERTIFY, STEVE, Role.STEWARD, null);
        assertThat(registry.snapshot().effective().get("gmv").version()).isEqualTo(6);
        assertThat(registry.versions("gmv")).extracting(MetricVersion::version).containsExactly(6, 5, 4, 3, 2, 1);
    }

    @Test
    void deprecationNeedsACertifiedMetricAndAStewardAndKeepsItQueryable() {
        assertThatThrownBy(() -> registry.transition("gmv", MetricRegistry.Action.DEPRECATE, ALICE, Role.ANALYST, "old"))
                .hasMessageContaining("Only stewards or admins may deprecate a metric");
        MetricVersion deprecated = registry.transition("gmv", MetricRegistry.Action.DEPRECATE, STEVE, Role.STEWARD, "old");
        assertThat(deprecated.status()).isEqualTo(MetricStatus.DEPRECATED);
        assertThat(registry.snapshot().effective().get("gmv").status()).isEqualTo(MetricStatus.DEPRECATED);
        assertThat(registry.snapshot().manifest().metric("gmv")).isPresent();
        assertThatThrownBy(() -> registry.transition("gmv", MetricRegistry.Action.DEPRECATE, STEVE, Role.STEWARD, "again"))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("Metric 'gmv' version 4 is deprecated; only a certified metric can be deprecated"));
    }

    @Test
    void invalidDefinitionsAreRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> registry.create(onlineGmv("chanel = 'online'"), ALICE, Role.ANALYST, null))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("metric online_gmv filter: unknown dimension 'chanel'"
                            + " (line 1, column 1); did you mean channel?");
                });
        assertThat(store.versions("online_gmv")).isEmpty();
        assertThatThrownBy(() -> registry.create(onlineGmv(null), new Actor("vic"), Role.VIEWER, null))
                .hasMessage("Only analysts, stewards or admins may create a metric; you are viewer");
    }

    @Test
    void theRegistryRereadsWhatItStored() {
        registry.create(onlineGmv("channel = 'online'"), ALICE, Role.ANALYST, null);
        MetricRegistry again = new MetricRegistry(store, new ManifestValidator(), Clock.systemUTC());
        assertThat(again.snapshot().manifest()).isEqualTo(registry.snapshot().manifest());
        assertThat(again.snapshot().effective()).isEqualTo(registry.snapshot().effective());
    }
}
