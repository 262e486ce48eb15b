package io.zhongtai.service.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zhongtai.core.search.FacetCount;
import io.zhongtai.core.search.SearchFacet;
import io.zhongtai.core.search.SearchHit;
import io.zhongtai.core.search.SearchResult;
import io.zhongtai.core.search.Suggestion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shapes of {@code /api/v1/search} and {@code /api/v1/search/suggest} (API.md). */
public final class SearchViews {
    private SearchViews() {}

    /**
     * One page of hits with the facets of all hits.
     *
     * @param facets {@code type, warehouse, schema, domain, owner, tags, certified}, each a list of
     *     {@code {value, count}}, most frequent first
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ResultView(List<HitView> hits, Map<String, List<FacetView>> facets, long total, int page, int size) {
        static ResultView of(SearchResult result) {
            Map<String, List<FacetView>> facets = new LinkedHashMap<>();
            for (SearchFacet facet : SearchFacet.values()) {
                facets.put(facet.value(), result.facet(facet).stream().map(FacetView::of).toList());
            }
            return new ResultView(
                    result.hits().stream().map(HitView::of).toList(), facets, result.total(), result.page(), result.size());
        }
    }

    /**
     * One hit.
     *
     * @param snippet the matching text, HTML-escaped, each match wrapped in {@code <em>}; null when
     *     only the name matched and the asset has no description
     * @param snippetField where the snippet comes from: {@code description}, {@code labels},
     *     {@code columnDescriptions}, {@code columns} or {@code qualifiedName}
     * @param score relevance, comparable within one result only
     * @param explain why it ranked here, as the engine explains it; null unless {@code explain=true}
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HitView(
            String id, String type, String name, String qualifiedName, String snippet, String snippetField, double score,
            String explain) {
        static HitView of(SearchHit hit) {
            return new HitView(
                    hit.id().toString(),
                    hit.type().value(),
                    hit.name(),
                    hit.qualifiedName(),
                    hit.snippet() == null ? null : hit.snippet().html(),
                    hit.snippet() == null ? null : hit.snippet().field(),
                    hit.score(),
                    hit.explain());
        }
    }

    /** One value of a facet and how many hits carry it. */
    public record FacetView(String value, long count) {
        static FacetView of(FacetCount count) {
            return new FacetView(count.value(), count.count());
        }
    }

    /** Completions, best first. */
    public record SuggestionsView(List<SuggestionView> suggestions) {}

    /** One completion: an asset whose name, a word of it, or a label starts with what was typed. */
    public record SuggestionView(String id, String type, String name, String qualifiedName) {
        static SuggestionView of(Suggestion suggestion) {
            return new SuggestionView(
                    suggestion.id().toString(), suggestion.type().value(), suggestion.name(), suggestion.qualifiedName());
        }
    }
}
