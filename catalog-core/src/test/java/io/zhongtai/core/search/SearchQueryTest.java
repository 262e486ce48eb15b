package io.zhongtai.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchQueryTest {
    @Test
    void takesFieldFiltersOutOfTheText() {
        SearchQuery query = SearchQuery.fromRequest(
                "type:table tag:pii owner:group:data-team daily  sales domain:\"Supply Chain\"", null, null, null, null, false);
        assertThat(query.text()).isEqualTo("daily sales");
        assertThat(query.types()).containsExactly(AssetType.TABLE);
        assertThat(query.filters()).containsExactly(
                SearchFilter.parse("tag:pii"), SearchFilter.parse("owner:group:data-team"),
                new SearchFilter(SearchFilter.Key.DOMAIN, "Supply Chain"));
        assertThat(query.page()).isZero();
        assertThat(query.size()).isEqualTo(50);
    }

    @Test
    void keepsIdentifiersAndUnknownKeysAsText() {
        SearchQuery query = SearchQuery.fromRequest("table:demo.retail.orders", null, null, null, null, false);
        assertThat(query.text()).isEqualTo("table:demo.retail.orders");
        assertThat(query.filters()).isEmpty();
        assertThat(query.types()).isEmpty();
    }

    @Test
    void combinesParametersWithTheText() {
        SearchQuery query = SearchQuery.fromRequest("orders", List.of("table", "view"), List.of("tags:pii", "certified:true"), 2, 10, true);
        assertThat(query.types()).containsExactlyInAnyOrder(AssetType.TABLE, AssetType.VIEW);
        assertThat(query.filters()).extracting(SearchFilter::toString).containsExactly("tag:pii", "certified:true");
        assertThat(query.page()).isEqualTo(2);
        assertThat(query.size()).isEqualTo(10);
        assertThat(query.explain()).isTrue();
    }

    @Test
    void rejectsWhatTheIndexCannotAnswer() {
        assertThatThrownBy(() -> SearchQuery.of("x".repeat(257))).isInstanceOf(CatalogException.class).hasMessageContaining("256");
        assertThatThrownBy(() -> SearchQuery.of("a").withPage(0, 0)).hasMessageContaining("size");
        assertThatThrownBy(() -> SearchQuery.of("a").withPage(-1, 10)).hasMessageContaining("page");
        assertThatThrownBy(() -> SearchQuery.of("a").withPage(10, 1000)).hasMessageContaining("10000");
        assertThatThrownBy(() -> SearchQuery.fromRequest("type:tabel", null, null, null, null, false))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("tabel");
        assertThat(SearchQuery.of("  orders  ").withTypes(Set.of()).text()).isEqualTo("orders");
    }

    @Test
    void keepsQuotedPhrasesInTheTextAndRefusesAnUnclosedQuote() {
        SearchQuery query = SearchQuery.fromRequest("\"order items\" tag:pii", null, null, null, null, false);
        assertThat(query.text()).isEqualTo("\"order items\"");
        assertThat(query.filters()).containsExactly(SearchFilter.parse("tag:pii"));
        assertThatThrownBy(() -> SearchQuery.fromRequest("\"order items\" \"daily sales", null, null, null, null, false))
                .isInstanceOf(CatalogException.class)
                .satisfies(e -> assertThat(((CatalogException) e).code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("character 15 is never closed");
    }

    @Test
    void asksForDeprecatedAssetsWithAFilter() {
        SearchQuery query = SearchQuery.fromRequest("orders deprecated:true", null, null, null, null, false);
        assertThat(query.filters()).containsExactly(new SearchFilter(SearchFilter.Key.DEPRECATED, "true"));
        assertThatThrownBy(() -> SearchFilter.parse("deprecated:maybe")).hasMessageContaining("deprecated takes true or false");
    }

    @Test
    void parsesAndValidatesFilters() {
        assertThat(SearchFilter.parse("owner:group:data-team").value()).isEqualTo("group:data-team");
        assertThat(SearchFilter.parse("Tags:pii").key()).isEqualTo(SearchFilter.Key.TAG);
        assertThatThrownBy(() -> SearchFilter.parse("colour:red")).hasMessageContaining("unknown filter 'colour'");
        assertThatThrownBy(() -> SearchFilter.parse("certified:yes")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> SearchFilter.parse("owner:table:demo.a.b")).hasMessageContaining("user: or group:");
        assertThatThrownBy(() -> SearchFilter.parse("tag:")).hasMessageContaining("empty");
        assertThatThrownBy(() -> SearchFilter.parse("pii")).hasMessageContaining("key:value");
    }

    @Test
    void everyFacetButTypeTurnsIntoAFilter() {
        assertThat(SearchFacet.TAGS.filterKey()).isEqualTo(SearchFilter.Key.TAG);
        assertThat(SearchFacet.TYPE.filterKey()).isNull();
        assertThat(SearchFacet.TAGS.value()).isEqualTo("tags");
    }
}
