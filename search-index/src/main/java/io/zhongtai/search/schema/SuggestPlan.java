package io.zhongtai.search.schema;

import io.zhongtai.core.CatalogException;
import java.util.ArrayList;
import java.util.List;

/**
 * A completion request, analysed once for both adapters:
 *
 * <pre>
 * score = rank boost x ( NAME_START_BOOST   if the whole name or a label starts with the text
 *                        + 1 per typed word that starts a word of the name or a label )
 * sort  = score, then shorter names, then name, then id
 * </pre>
 *
 * @param words every typed word must start a word of the name or a label, or the whole name or label
 * @param whole the whole typed text, compared with the start of whole names
 */
public record SuggestPlan(List<String> words, String whole, int limit) {
    public static final float NAME_START_BOOST = 2f;
    public static final int MAX_LIMIT = 100;

    public SuggestPlan {
        words = List.copyOf(words);
    }

    public static SuggestPlan of(String prefix, int limit) {
        if (prefix == null) {
            throw CatalogException.invalid("q", "is required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw CatalogException.invalid("limit", "must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        String whole = Normalize.exact(prefix);
        List<String> words = new ArrayList<>();
        for (String word : whole.isEmpty() ? new String[0] : whole.split(" ")) {
            words.add(cut(word));
        }
        return new SuggestPlan(words, cut(whole), limit);
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** Prefixes are indexed up to a length: a longer text is compared by its indexed start. */
    private static String cut(String text) {
        List<String> prefixes = Normalize.prefixes(text);
        return prefixes.isEmpty() ? text : prefixes.get(prefixes.size() - 1);
    }
}
