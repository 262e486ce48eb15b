package io.zhongtai.search.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.OwnerRef;
import io.zhongtai.core.search.SearchDocument;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexedDocumentTest {
    private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void indexesTheNameInEveryExactFormAndEveryPrefix() {
        IndexedDocument items = IndexedDocument.of(SearchDocument.builder(AssetId.parse("table:demo.retail.order_items"))
                .labels(List.of("订单明细")).updatedAt(AT).build());
        assertThat(items.keywords().get(IndexFields.NAME_EXACT)).containsExactly(
                "order_items", "demo.retail.order_items", "table:demo.retail.order_items", "retail.order_items", "order item",
                "订单明细", "订单 明细");
        assertThat(items.keywords().get(IndexFields.NAME_START)).contains("o", "order_", "order_items", "订", "订单明细");
        assertThat(items.keywords().get(IndexFields.PREFIXES)).contains("ord", "ite", "items", "明细").doesNotContain("tems")
                .as("whole-name prefixes live in name_start only").doesNotContain("order_");
        assertThat(items.text().get(IndexFields.NAME.name())).containsExactly("order item");
        assertThat(items.text().get(IndexFields.QUALIFIED.name())).containsExactly("demo", "retail", "order item");
    }

    @Test
    void storesKeywordsForFiltersAndFacets() {
        IndexedDocument indexed = IndexedDocument.of(SearchDocument.builder(AssetId.parse("table:demo.retail.customers"))
                .owners(List.of(new OwnerRef(AssetId.parse("user:alice"), "Alice Chen")))
                .tags(List.of("pii", "pii")).certified(true).platform("duckdb").updatedAt(AT).build());
        assertThat(indexed.keywords().get(IndexFields.OWNER)).containsExactly("user:alice");
        assertThat(indexed.keywords().get(IndexFields.OWNER_NAME)).containsExactly("alice", "Alice Chen");
        assertThat(indexed.keywords().get(IndexFields.TAG)).containsExactly("pii");
        assertThat(indexed.keywords().get(IndexFields.CERTIFIED)).containsExactly("true");
        assertThat(indexed.keywords().get(IndexFields.DELETED)).containsExactly("false");
        assertThat(indexed.keywords().get(IndexFields.DEPRECATED)).containsExactly("false");
        assertThat(indexed.updatedAt()).isEqualTo(AT.toEpochMilli());
        assertThat(indexed.keywords().get(IndexFields.SCHEMA)).containsExactly("retail");
        assertThat(indexed.keywords().get(IndexFields.DOMAIN)).isEmpty();
    }

    @Test
    void ranksByTypeUsageCertificationAndCare() {
        SearchDocument.Builder table = SearchDocument.builder(AssetId.parse("table:demo.retail.orders"))
                .description("Orders").owners(List.of(new OwnerRef(AssetId.parse("group:sales-ops"), null))).updatedAt(AT);
        assertThat(Ranking.rankBoost(table.build())).isEqualTo(1f);
        assertThat(Ranking.rankBoost(table.reads(1000).build())).isCloseTo(1.69f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(Ranking.rankBoost(table.reads(0).certified(true).build())).isEqualTo(1.3f);
        assertThat(Ranking.rankBoost(table.certified(false).description(null).owners(List.of()).build()))
                .isCloseTo(0.855f, org.assertj.core.data.Offset.offset(0.001f));
        assertThat(Ranking.typeWeight(AssetType.COLUMN)).isLessThan(Ranking.typeWeight(AssetType.TABLE));
        assertThat(Ranking.rankBoost(table.description("Orders").owners(List.of(new OwnerRef(AssetId.parse("group:sales-ops"), null)))
                .deprecated(true).build())).isEqualTo(0.5f);
    }

    @Test
    void readsTheStoredDocumentBackUnchanged() {
        SearchDocument document = SearchDocument.builder(AssetId.parse("table:demo.retail.orders"))
                .description("Orders").columns(List.of(new SearchDocument.Column("order_id", null)))
                .owners(List.of(new OwnerRef(AssetId.parse("group:sales-ops"), "Sales ops"))).tags(List.of("core"))
                .terms(List.of("Order")).domain("Sales").platform("duckdb").certified(true).labels(List.of("订单"))
                .reads(7).updatedAt(AT).deleted(true).deprecated(true).build();
        assertThat(DocumentSource.fromMap(DocumentSource.toMap(document))).isEqualTo(document);
    }
}
