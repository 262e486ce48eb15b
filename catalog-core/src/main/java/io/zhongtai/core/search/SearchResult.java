package io.zhongtai.core.search;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One page of search hits, best first, with the facets of all hits (not only this page's).
 *
 * @param facets for every {@link SearchFacet}, its values with counts, most frequent first
 *     (ties by value); a facet no hit carries has an empty list
 * @param total how many assets match the query and its filters
 */
public record SearchResult(List<SearchHit> hits, Map<SearchFacet, List<FacetCount>> facets, long total, int page, int size) {
    public SearchResult {
        hits = List.copyOf(requireNonNull(hits, "hits is null"));
        requireNonNull(facets, "facets is null");
        EnumMap<SearchFacet, List<FacetCount>> complete = new EnumMap<>(SearchFacet.class);
        for (SearchFacet facet : SearchFacet.values()) {
            complete.put(facet, List.copyOf(facets.getOrDefault(facet, List.of())));
        }
        facets = Collections.unmodifiableMap(complete);
        if (total < hits.size()) {
            throw new IllegalArgumentException("total " + total + " is below the " + hits.size() + " hits of the page");
        }
    }

    /** The counts of one facet. */
    public List<FacetCount> facet(SearchFacet facet) {
        return facets.get(facet);
    }
}
