package io.zhongtai.service.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.asset.Asset;
import io.zhongtai.core.asset.AssetDetail;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.OwnerRef;
import io.zhongtai.core.asset.TagAssignment;
import io.zhongtai.core.asset.TagSource;
import io.zhongtai.core.search.SearchDocument;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an asset as the catalog holds it becomes its search document. */
class SearchDocumentsTest {
    private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");
    private final SearchDocuments documents = new SearchDocuments(warehouse -> warehouse.equals("demo") ? "duckdb" : null);

    private static Asset asset(String id, String description, List<TagAssignment> tags, Map<String, Object> attributes) {
        return new Asset(AssetId.parse(id), description, List.of(), tags, List.of(), null, 1, AT, AT, false, attributes);
    }

    @Test
    void aTableCarriesItsColumnsTheirTagsThePlatformAndItsChineseName() {
        Asset orders = asset(
                "table:demo.retail.orders", "Customer orders, one row per order (订单).",
                List.of(new TagAssignment("core", null, TagSource.MANUAL)), Map.of());
        Asset email = asset("column:demo.retail.orders.contact_email", "Who to tell",
                List.of(new TagAssignment("pii", "email", TagSource.AUTOMATIC)), Map.of("position", 2L));
        SearchDocument document = documents.of(new AssetDetail(orders, List.of(email), List.of()));
        assertThat(document.platform()).isEqualTo("duckdb");
        assertThat(document.columns()).containsExactly(new SearchDocument.Column("contact_email", "Who to tell"));
        assertThat(document.tags()).containsExactly("core", "pii");
        assertThat(document.labels()).containsExactly("订单");
        assertThat(document.schema()).isEqualTo("retail");
        assertThat(document.updatedAt()).isEqualTo(AT);
        assertThat(document.certified()).isFalse();
        assertThat(document.deprecated()).isFalse();
        assertThat(document.reads()).isZero();
    }

    @Test
    void chineseNamesInParenthesesOfEitherWidthBecomeLabels() {
        assertThat(SearchDocuments.chineseGlosses("Order lines (订单明细), see (Orders) and （库存 快照）."))
                .containsExactly("订单明细", "库存 快照");
        assertThat(SearchDocuments.chineseGlosses("No gloss (here).")).isEmpty();
        assertThat(SearchDocuments.chineseGlosses(null)).isEmpty();
    }

    @Test
    void labelsCertificationDeprecationAndUsageComeFromAttributesOrTags() {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("displayName", "Alice Chen");
        attributes.put("synonyms", List.of("成交额", "GMV"));
        attributes.put("labels", List.of("Gross merchandise value"));
        attributes.put("certified", true);
        attributes.put("reads", 1234L);
        Asset metric = asset("metric:gmv", "Paid sales", List.of(), attributes);
        SearchDocument document = documents.of(new AssetDetail(metric, List.of(), List.of()));
        assertThat(document.labels()).containsExactly("Alice Chen", "Gross merchandise value", "成交额", "GMV");
        assertThat(document.certified()).isTrue();
        assertThat(document.reads()).isEqualTo(1234);
        assertThat(document.platform()).isNull();

        Asset tagged = asset("table:demo.retail.old_orders", null,
                List.of(new TagAssignment("deprecated", null, TagSource.MANUAL), new TagAssignment("certified", null, TagSource.MANUAL)),
                Map.of());
        SearchDocument old = documents.of(new AssetDetail(tagged, List.of(), List.of()));
        assertThat(old.deprecated()).isTrue();
        assertThat(old.certified()).isTrue();
        assertThat(documents.of(new AssetDetail(asset("metric:old", null, List.of(), Map.of("status", "Deprecated")), List.of(), List.of()))
                .deprecated()).isTrue();

        Asset user = new Asset(AssetId.parse("user:alice"), null, List.of(new OwnerRef(AssetId.parse("group:crm"), "CRM")), List.of(),
                List.of(), null, 1, AT, AT, false, Map.of("displayName", "alice"));
        assertThat(documents.of(new AssetDetail(user, List.of(), List.of())).labels()).as("a display name equal to the name adds nothing").isEmpty();
    }
}
