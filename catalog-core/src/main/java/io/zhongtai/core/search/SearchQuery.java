package io.zhongtai.core.search;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.AssetType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A search as a user asks it.
 *
 * @param text the words to look for, English or Chinese, typos allowed; empty to browse every
 *     asset that the filters let through, most used first
 * @param types only assets of these types; empty for all
 * @param filters facet filters ({@link SearchFilter}): the same key ORs, different keys AND
 * @param page from 0
 * @param size hits per page, 1 to {@value PageRequest#MAX_SIZE}
 * @param explain whether each hit carries the engine's explanation of its score (slower)
 */
public record SearchQuery(String text, Set<AssetType> types, List<SearchFilter> filters, int page, int size, boolean explain) {
    /** Longer texts are refused: they are pasted documents, not searches, and cost a lot to run. */
    public static final int MAX_TEXT_LENGTH = 256;

    /**
     * How deep paging may reach ({@code (page + 1) * size}): a search engine ranks every hit
     * before the requested page, and Elasticsearch refuses to go past this by default.
     */
    public static final int MAX_WINDOW = 10_000;

    public SearchQuery {
        text = requireNonNull(text, "text is null").strip();
        types = Set.copyOf(requireNonNull(types, "types is null"));
        filters = List.copyOf(requireNonNull(filters, "filters is null"));
        if (text.length() > MAX_TEXT_LENGTH) {
            throw CatalogException.invalid("q", "at most " + MAX_TEXT_LENGTH + " characters, was " + text.length());
        }
        new PageRequest(page, size); // validates both with the API's messages
        if ((long) (page + 1) * size > MAX_WINDOW) {
            throw CatalogException.invalid(
                    "page", "(page + 1) * size may be at most " + MAX_WINDOW + "; narrow the search instead of paging this deep");
        }
    }

    /** A first page of {@link PageRequest#DEFAULT_SIZE} hits for the text, without filters. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, Set.of(), List.of(), 0, PageRequest.DEFAULT_SIZE, false);
    }

    public SearchQuery withTypes(Set<AssetType> newTypes) {
        return new SearchQuery(text, newTypes, filters, page, size, explain);
    }

    public SearchQuery withFilters(List<SearchFilter> newFilters) {
        return new SearchQuery(text, types, newFilters, page, size, explain);
    }

    public SearchQuery withPage(int newPage, int newSize) {
        return new SearchQuery(text, types, filters, newPage, newSize, explain);
    }

    public SearchQuery withExplain(boolean newExplain) {
        return new SearchQuery(text, types, filters, page, size, newExplain);
    }

    /**
     * Builds a query from the API's parameters ({@code q, type, filter, page, size, explain}).
     * Field filters written inside {@code q} ({@code type:table tag:pii owner:alice orders},
     * values quoted when they hold spaces: {@code domain:"Supply Chain"}) are taken out of the
     * text and added to the filters; other words, including ones with a colon that names no
     * filter ({@code table:demo.retail.orders}), stay text.
     */
    public static SearchQuery fromRequest(
            String q, List<String> typeParameters, List<String> filterParameters, Integer page, Integer size, boolean explain) {
        EnumSet<AssetType> types = EnumSet.noneOf(AssetType.class);
        List<SearchFilter> filters = new ArrayList<>();
        for (String type : typeParameters == null ? List.<String>of() : typeParameters) {
            if (!type.isBlank()) {
                types.add(parseType(type.strip()));
            }
        }
        for (String filter : filterParameters == null ? List.<String>of() : filterParameters) {
            if (!filter.isBlank()) {
                addFilter(filter.strip(), types, filters);
            }
        }
        StringBuilder text = new StringBuilder();
        for (String word : splitRespectingQuotes(q == null ? "" : q)) {
            if (isFilterWord(word)) {
                addFilter(word, types, filters);
            } else {
                text.append(text.isEmpty() ? "" : " ").append(word);
            }
        }
        PageRequest request = PageRequest.of(page, size);
        return new SearchQuery(text.toString(), types, filters, request.page(), request.size(), explain);
    }

    private static void addFilter(String text, Set<AssetType> types, List<SearchFilter> filters) {
        int colon = text.indexOf(':');
        if (colon > 0 && text.substring(0, colon).equalsIgnoreCase("type")) {
            types.add(parseType(unquote(text.substring(colon + 1))));
            return;
        }
        SearchFilter parsed = SearchFilter.parse(text);
        filters.add(new SearchFilter(parsed.key(), unquote(parsed.value())));
    }

    private static boolean isFilterWord(String word) {
        int colon = word.indexOf(':');
        if (colon <= 0 || colon == word.length() - 1) {
            return false;
        }
        String key = word.substring(0, colon).toLowerCase(Locale.ROOT);
        if (key.equals("type")) {
            return true;
        }
        for (SearchFilter.Key known : SearchFilter.Key.values()) {
            if (known.value().equals(key) || key.equals(known.value() + "s")) {
                return true;
            }
        }
        return false;
    }

    private static AssetType parseType(String value) {
        try {
            return AssetType.fromValue(value.toLowerCase(Locale.ROOT));
        } catch (CatalogException e) {
            throw CatalogException.invalid("type", e.getMessage());
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /**
     * Splits on white space, keeping {@code "..."} together (quotes stay in the word, so that the
     * index sees the phrase). An opening quote without its closing one is refused with its place.
     */
    private static List<String> splitRespectingQuotes(String text) {
        int quotes = 0;
        int lastQuote = -1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                quotes++;
                lastQuote = i;
            }
        }
        if (quotes % 2 != 0) {
            throw CatalogException.invalid(
                    "q", "the quote at character " + (lastQuote + 1) + " is never closed; write phrases as \"order items\"");
        }
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (Character.isWhitespace(c) && !quoted) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(c);
            }
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }
}
