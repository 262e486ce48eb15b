package io.zhongtai.search.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.search.SearchFilter;
import io.zhongtai.core.search.SearchQuery;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryPlanTest {
    @Test
    void makesOneGroupPerTypedWordWithTyposFromFiveLetters() {
        QueryPlan plan = QueryPlan.of(SearchQuery.of("ordrs order_items customers 订单"));
        assertThat(plan.groups()).hasSize(4);
        assertThat(plan.groups().get(0).tokens()).containsExactly(new QueryPlan.TokenClause("ordr", 1));
        assertThat(plan.groups().get(1).tokens()).containsExactly(new QueryPlan.TokenClause("order", 1), new QueryPlan.TokenClause("item", 1));
        assertThat(plan.groups().get(2).tokens()).containsExactly(new QueryPlan.TokenClause("customer", 1));
        assertThat(plan.groups().get(3).tokens()).containsExactly(new QueryPlan.TokenClause("订单", 0));
        assertThat(plan.groups().get(3).prefix()).isEqualTo("订单");
        assertThat(plan.groups().get(0).prefix()).isNull();
        assertThat(plan.minimumShouldMatch()).isEqualTo(3);
    }

    @Test
    void typoToleranceDependsOnTheWordAsTyped() {
        assertThat(QueryPlan.fuzzyEdits("ord")).isZero();
        assertThat(QueryPlan.fuzzyEdits("ordr")).isZero();
        assertThat(QueryPlan.fuzzyEdits("ordrs")).isEqualTo(1);
        assertThat(QueryPlan.fuzzyEdits("custmers")).isEqualTo(1);
        assertThat(QueryPlan.fuzzyEdits("inventroys")).isEqualTo(2);
        assertThat(QueryPlan.fuzzyEdits("20240101")).isZero();
        assertThat(QueryPlan.fuzzyEdits("成交额成交额")).isZero();
    }

    @Test
    void comparesTheWholeQueryWithExactNamesInTwoForms() {
        assertThat(QueryPlan.of(SearchQuery.of("Order  Items")).exactValues()).containsExactly("order items", "order item");
        assertThat(QueryPlan.of(SearchQuery.of("orders")).exactValues()).containsExactly("orders", "order");
    }

    @Test
    void browsesWithoutTextAndAlwaysHidesDeletedDocuments() {
        QueryPlan plan = QueryPlan.of(SearchQuery.of("")
                .withTypes(Set.of(AssetType.TABLE))
                .withFilters(List.of(SearchFilter.parse("tag:pii"), SearchFilter.parse("tag:finance"), SearchFilter.parse("owner:alice"),
                        SearchFilter.parse("owner:group:crm"))));
        assertThat(plan.matchAll()).isTrue();
        assertThat(plan.groups()).isEmpty();
        assertThat(plan.filters()).extracting(QueryPlan.FilterClause::anyOf).containsExactly(
                Map.of(IndexFields.DELETED, List.of("false")),
                Map.of(IndexFields.TYPE, List.of("table")),
                Map.of(IndexFields.TAG, List.of("pii", "finance")),
                Map.of(IndexFields.OWNER_NAME, List.of("alice"), IndexFields.OWNER, List.of("group:crm")));
    }

    @Test
    void takesQuotedPhrasesAsRequiredTokensInOrderWithoutTyposOrPrefix() {
        QueryPlan plan = QueryPlan.of(SearchQuery.of("\"Order Items\" daily \"unit price\""));
        assertThat(plan.phrases()).containsExactly(List.of("order", "item"), List.of("unit", "price"));
        assertThat(plan.groups()).singleElement().satisfies(group -> {
            assertThat(group.tokens()).containsExactly(new QueryPlan.TokenClause("daily", 1));
            assertThat(group.prefix()).as("the text ends with a phrase: nothing is being typed").isNull();
        });
        assertThat(plan.exactValues()).first().isEqualTo("order items daily unit price");
        QueryPlan typing = QueryPlan.of(SearchQuery.of("\"order items\" quan"));
        assertThat(typing.groups().get(0).prefix()).isEqualTo("quan");
        assertThat(QueryPlan.of(SearchQuery.of("\"orders\"")).groups()).isEmpty();
        assertThat(QueryPlan.of(SearchQuery.of("\"orders\"")).matchAll()).isFalse();
    }

    @Test
    void leavesDeprecatedOutUnlessAFilterAsksForThem() {
        assertThat(QueryPlan.of(SearchQuery.of("orders")).excludeDeprecated()).isTrue();
        QueryPlan asked = QueryPlan.of(SearchQuery.of("orders").withFilters(List.of(SearchFilter.parse("deprecated:true"))));
        assertThat(asked.excludeDeprecated()).isFalse();
        assertThat(asked.filters()).contains(new QueryPlan.FilterClause(Map.of(IndexFields.DEPRECATED, List.of("true"))));
    }

    @Test
    void recencyIsAGaussianBonusOfAtMostATenth() {
        long now = 1_800_000_000_000L;
        assertThat(Ranking.recency(now, now)).isEqualTo(1.1);
        assertThat(Ranking.recency(now - Ranking.RECENCY_SCALE_MILLIS, now)).isCloseTo(1.05, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Ranking.recency(now - 4 * Ranking.RECENCY_SCALE_MILLIS, now)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void keepsQueriesWithinWhatLuceneAccepts() {
        QueryPlan plan = QueryPlan.of(SearchQuery.of("a1 b2 c3 d4 e5 f6 g7 h8 i9 j10 k11 l12"));
        int tokens = plan.groups().stream().mapToInt(group -> group.tokens().size()).sum();
        assertThat(tokens).isEqualTo(QueryPlan.MAX_TOKENS);
    }

    @Test
    void suggestsFromTheTypedWords() {
        SuggestPlan plan = SuggestPlan.of("  Order It ", 5);
        assertThat(plan.words()).containsExactly("order", "it");
        assertThat(plan.whole()).isEqualTo("order it");
        assertThat(SuggestPlan.of("", 5).isEmpty()).isTrue();
    }
}
