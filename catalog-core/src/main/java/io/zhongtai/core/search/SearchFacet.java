package io.zhongtai.core.search;

import java.util.Locale;

/**
 * The facets every search answers with, in this order. Counts are taken over the hits of the
 * query with all its filters applied, so they narrow as filters are added.
 */
public enum SearchFacet {
    TYPE,
    WAREHOUSE,
    SCHEMA,
    DOMAIN,
    OWNER,
    TAGS,
    CERTIFIED;

    /** The facet's name in the API: {@code type}, {@code tags}, ... */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The filter a facet value turns into when the user picks it ({@code tags} → {@code tag:}); null for type. */
    public SearchFilter.Key filterKey() {
        return switch (this) {
            case TYPE -> null;
            case WAREHOUSE -> SearchFilter.Key.WAREHOUSE;
            case SCHEMA -> SearchFilter.Key.SCHEMA;
            case DOMAIN -> SearchFilter.Key.DOMAIN;
            case OWNER -> SearchFilter.Key.OWNER;
            case TAGS -> SearchFilter.Key.TAG;
            case CERTIFIED -> SearchFilter.Key.CERTIFIED;
        };
    }
}
