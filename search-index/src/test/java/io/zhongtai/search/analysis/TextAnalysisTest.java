package io.zhongtai.search.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextAnalysisTest {
    @Test
    void breaksNamesOnUnderscoresDotsCamelCaseAndDigits() {
        assertThat(TextAnalysis.tokens("order_items")).containsExactly("order", "item");
        assertThat(TextAnalysis.tokens("retail.orders")).containsExactly("retail", "order");
        assertThat(TextAnalysis.tokens("OrderItems")).containsExactly("order", "item");
        assertThat(TextAnalysis.tokens("sales2024")).containsExactly("sale", "2024");
        assertThat(TextAnalysis.tokens("table:demo.retail.order_items")).containsExactly("table", "demo", "retail", "order", "item");
    }

    @Test
    void stemsPluralsAndInflectionsButKeepsWordsWhole() {
        assertThat(TextAnalysis.tokens("orders order")).containsExactly("order", "order");
        assertThat(TextAnalysis.tokens("customers categories")).containsExactly("customer", "category");
        assertThat(TextAnalysis.tokens("refunded cancelled")).containsExactly("refund", "cancel");
        // unlike Porter, customer stays customer (not custom), so typo distances stay meaningful
        assertThat(TextAnalysis.tokens("customer")).containsExactly("customer");
    }

    @Test
    void segmentsChineseIntoWordsWithSmartcn() {
        assertThat(TextAnalysis.tokens("客户信息表，每个客户一行")).containsExactly("客户", "信息", "表", "每个", "客户", "一行");
        assertThat(TextAnalysis.tokens("订单明细")).containsExactly("订单", "明细");
        assertThat(TextAnalysis.tokens("成交额")).containsExactly("成交额");
    }

    @Test
    void handlesMixedScriptsAndDropsStopWords() {
        assertThat(TextAnalysis.tokens("Orders of customers 订单表")).containsExactly("order", "customer", "订单", "表");
        assertThat(TextAnalysis.tokens("商品的目录")).containsExactly("商品", "目录");
        assertThat(TextAnalysis.tokens("")).isEmpty();
        assertThat(TextAnalysis.tokens("of the")).isEmpty();
    }

    @Test
    void keepsWordsAsTypedWithoutStemming() {
        assertThat(TextAnalysis.words("OrderItems")).containsExactly("order", "items");
        assertThat(TextAnalysis.words("customers 客户")).containsExactly("customers", "客户");
    }

    @Test
    void reportsWhereEachTokenCameFrom() {
        assertThat(TextAnalysis.tokensWithOffsets("Daily order_items 订单"))
                .containsExactly(
                        new TextAnalysis.Token("daily", 0, 5),
                        new TextAnalysis.Token("order", 6, 11),
                        new TextAnalysis.Token("item", 12, 17),
                        new TextAnalysis.Token("订单", 18, 20));
    }
}
