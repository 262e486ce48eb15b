package io.zhongtai.service.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.search.SearchIndex;
import io.zhongtai.core.search.SearchQuery;
import io.zhongtai.service.security.Roles;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /api/v1/search}: find assets by words, in English or Chinese, with typos, quoted
 * phrases and field filters ({@code type:table tag:pii owner:alice}), ranked, with facets; and
 * completions as one types. Every role may search: every role may read every asset.
 */
@Controller("/api/v1/search")
@Secured(Roles.VIEWER)
public class SearchController {
    /** Completions returned when the request names no limit. */
    static final int DEFAULT_SUGGESTIONS = 10;

    private final SearchIndex index;

    public SearchController(SearchIndex index) {
        this.index = index;
    }

    /**
     * Searches.
     *
     * @param q words, quoted phrases and {@code key:value} filters (type, warehouse, schema,
     *     domain, owner, tag, term, certified, platform, deprecated); empty to browse
     * @param type asset types, repeated or comma-separated
     * @param filter {@code key:value} filters, repeated; the same key twice means either
     * @param explain whether each hit says why it ranked where it did
     */
    @Get
    public SearchViews.ResultView search(
            @Nullable @QueryValue String q,
            @Nullable @QueryValue List<String> type,
            @Nullable @QueryValue List<String> filter,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size,
            @Nullable @QueryValue Boolean explain) {
        SearchQuery query = SearchQuery.fromRequest(q, commaSeparated(type), filter, page, size, Boolean.TRUE.equals(explain));
        return SearchViews.ResultView.of(index.search(query));
    }

    /**
     * Completions for what is being typed: assets whose name, a word of their name, or a label
     * starts with {@code q}.
     *
     * @param limit 1 to 100, default 10
     */
    @Get("/suggest")
    public SearchViews.SuggestionsView suggest(@Nullable @QueryValue String q, @Nullable @QueryValue Integer limit) {
        if (q == null) {
            throw CatalogException.invalid("q", "is required: the start of a name, such as ord");
        }
        int wanted = limit == null ? DEFAULT_SUGGESTIONS : limit;
        return new SearchViews.SuggestionsView(
                index.suggest(q, wanted).stream().map(SearchViews.SuggestionView::of).toList());
    }

    private static List<String> commaSeparated(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            values.forEach(value -> out.addAll(List.of(value.split(","))));
        }
        return out;
    }
}
