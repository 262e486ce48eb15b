package io.zhongtai.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.search.SearchDocument;
import io.zhongtai.core.search.Snippet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTest {
    private static final Instant AT = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void highlightsExactStemmedTypoAndPrefixMatches() {
        SearchDocument orders = SearchDocument.builder(AssetId.parse("table:demo.retail.orders"))
                .description("Customer orders, one row per order. 订单表")
                .updatedAt(AT).build();
        assertThat(html(orders, List.of(new Snippets.Term("order", 0)), null))
                .isEqualTo("Customer <em>orders</em>, one row per <em>order</em>. 订单表");
        assertThat(html(orders, List.of(new Snippets.Term("custmer", 1)), null))
                .isEqualTo("<em>Customer</em> orders, one row per order. 订单表");
        assertThat(html(orders, List.of(new Snippets.Term("订单", 0)), null)).endsWith("<em>订单</em>表");
        assertThat(html(orders, List.of(), "cust")).startsWith("<em>Customer</em> orders");
    }

    @Test
    void fallsBackToColumnsThenTheDescription() {
        SearchDocument sales = SearchDocument.builder(AssetId.parse("table:demo.mart.daily_sales"))
                .description("Daily sales per store.")
                .columns(List.of(new SearchDocument.Column("revenue", null), new SearchDocument.Column("units", "Units sold")))
                .updatedAt(AT).build();
        Snippet columns = Snippets.build(sales, new Snippets.QueryTerms(List.of(new Snippets.Term("revenue", 0)), null));
        assertThat(columns.field()).isEqualTo("columns");
        assertThat(columns.html()).isEqualTo("<em>revenue</em>, units");
        Snippet nothing = Snippets.build(sales, new Snippets.QueryTerms(List.of(new Snippets.Term("zebra", 0)), null));
        assertThat(nothing.field()).isEqualTo("description");
        assertThat(nothing.highlights()).isEmpty();
    }

    @Test
    void cutsLongTextsAroundTheFirstHighlight() {
        String description = "word ".repeat(60) + "revenue " + "tail ".repeat(60);
        SearchDocument long_ = SearchDocument.builder(AssetId.parse("table:demo.mart.long_one"))
                .description(description).updatedAt(AT).build();
        Snippet snippet = Snippets.build(long_, new Snippets.QueryTerms(List.of(new Snippets.Term("revenue", 0)), null));
        assertThat(snippet.text()).startsWith("… ").endsWith(" …").hasSizeLessThanOrEqualTo(Snippets.MAX_LENGTH + 4);
        assertThat(snippet.html()).contains("<em>revenue</em>");
    }

    @Test
    void measuresTyposAsTheEnginesDo() {
        assertThat(Snippets.editDistance("ordr", "order", 2)).isEqualTo(1);
        assertThat(Snippets.editDistance("prodcut", "product", 2)).isEqualTo(1); // a swap is one edit
        assertThat(Snippets.editDistance("custmer", "customer", 1)).isEqualTo(1);
        assertThat(Snippets.editDistance("a", "abcd", 1)).isEqualTo(2);
    }

    private static String html(SearchDocument document, List<Snippets.Term> terms, String prefix) {
        return Snippets.build(document, new Snippets.QueryTerms(terms, prefix)).html();
    }
}
