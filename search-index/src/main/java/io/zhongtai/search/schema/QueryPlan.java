package io.zhongtai.search.schema;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.search.SearchFilter;
import io.zhongtai.core.search.SearchQuery;
import io.zhongtai.search.analysis.TextAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A search, analysed once in Java and handed to an adapter to translate into its engine's query.
 * Both adapters translate the same plan into the same structure, so they match the same
 * documents and score them by the same formula:
 *
 * <pre>
 * score = rank boost (stored, see Ranking)
 *       x recency   = 1 + RECENCY_WEIGHT x 0.5^((age / RECENCY_SCALE)^2)     (age from updatedAt)
 *       x ( words                          at least minimumShouldMatch groups match
 *           + phrases                      every quoted phrase must match
 *           + EXACT_NAME_BOOST             if the whole query is an exact name )
 *       (words or the exact name must match when words were typed; phrases always must)
 * words = sum over matching word groups of group
 * group = all its tokens must match:  sum over tokens of
 *           dis_max(tie 0.1) over fields f of  BM25(f, token) x boost(f)
 *                                        and  BM25(f, fuzzy(token)) x fuzzyBoost(f)
 *         the last group also matches as the start of a name word or of the whole name (PREFIX_BOOST)
 * phrase = dis_max(tie 0.1) over fields f of BM25(f, "tokens in this order") x boost(f); no typos
 * filters never score; deleted documents never match; deprecated ones only when a filter asks
 * order = score, then shorter names (equal scores: a prefix being typed, browsing), then id
 * </pre>
 *
 * @param groups one per word typed outside quotes; a word may analyse into several tokens ({@code order_items})
 * @param minimumShouldMatch how many groups must match: all of one or two words, three of four
 * @param phrases one per quoted phrase, each its analysed tokens in order
 * @param exactValues the query in the normal forms compared with {@link IndexFields#NAME_EXACT}
 * @param filters each clause must hold; a clause holds when any of its field values matches
 * @param excludeDeprecated leave deprecated documents out (no {@code deprecated:} filter was given)
 * @param now the time recency is measured from, epoch milliseconds
 * @param matchAll no text: every document the filters let through, ranked by the rank boost
 */
public record QueryPlan(
        List<WordGroup> groups,
        int minimumShouldMatch,
        List<List<String>> phrases,
        List<String> exactValues,
        List<FilterClause> filters,
        boolean excludeDeprecated,
        long now,
        boolean matchAll) {
    /**
     * Tokens beyond this many are dropped: each token becomes up to ~90 leaf queries once typo
     * matches expand, and Lucene refuses queries of more than 1024 leaves.
     */
    public static final int MAX_TOKENS = 10;
    /** A typo match considers at most this many similar indexed terms. */
    public static final int FUZZY_EXPANSIONS = 20;
    /** Typos are not looked for in the first letter: rarer, and it keeps typo matching fast. */
    public static final int FUZZY_PREFIX_LENGTH = 1;

    public QueryPlan {
        groups = List.copyOf(groups);
        phrases = phrases.stream().map(List::copyOf).toList();
        exactValues = List.copyOf(exactValues);
        filters = List.copyOf(filters);
    }

    /** One typed word: its analysed tokens, each with its typo tolerance, and whether it may be a prefix. */
    public record WordGroup(List<TokenClause> tokens, String prefix) {
        public WordGroup {
            tokens = List.copyOf(tokens);
            if (tokens.isEmpty() && prefix == null) {
                throw new IllegalArgumentException("a word group needs tokens or a prefix");
            }
        }
    }

    /** One analysed token; {@code fuzzyEdits} is 0 (exact only), 1 or 2. */
    public record TokenClause(String term, int fuzzyEdits) {
        public TokenClause {
            requireNonNull(term, "term is null");
        }
    }

    /** Values of keyword fields of which a document must carry at least one. */
    public record FilterClause(Map<String, List<String>> anyOf) {
        public FilterClause {
            anyOf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(anyOf));
        }
    }

    /** Analyses a search, measuring recency from now. */
    public static QueryPlan of(SearchQuery query) {
        return of(query, System.currentTimeMillis());
    }

    /** Analyses a search, measuring recency from {@code now} (epoch milliseconds). */
    public static QueryPlan of(SearchQuery query, long now) {
        List<String> typed = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        boolean endsWithWord = split(query.text(), typed, quoted);
        List<WordGroup> groups = new ArrayList<>();
        List<List<String>> phrases = new ArrayList<>();
        int tokenCount = 0;
        for (String phrase : quoted) {
            List<String> tokens = TextAnalysis.tokens(phrase);
            if (!tokens.isEmpty() && tokenCount < MAX_TOKENS) {
                tokens = tokens.subList(0, Math.min(tokens.size(), MAX_TOKENS - tokenCount));
                tokenCount += tokens.size();
                phrases.add(tokens);
            }
        }
        for (int i = 0; i < typed.size() && tokenCount < MAX_TOKENS; i++) {
            String word = typed.get(i);
            List<String> tokens = TextAnalysis.tokens(word);
            List<String> words = TextAnalysis.words(word);
            List<TokenClause> clauses = new ArrayList<>();
            for (int t = 0; t < tokens.size() && tokenCount < MAX_TOKENS; t++, tokenCount++) {
                // stemming never drops a token, so tokens and words line up one to one
                String asTyped = t < words.size() ? words.get(t) : tokens.get(t);
                clauses.add(new TokenClause(tokens.get(t), fuzzyEdits(asTyped)));
            }
            boolean last = i == typed.size() - 1 && endsWithWord;
            String prefix = last ? prefixOf(word) : null;
            if (!clauses.isEmpty() || prefix != null) {
                groups.add(new WordGroup(clauses, prefix));
            }
        }
        int n = groups.size();
        int minimumShouldMatch = n <= 2 ? n : n - n / 4;
        Set<String> exact = new LinkedHashSet<>();
        String unquoted = query.text().replace("\"", " ").strip();
        if (!unquoted.isEmpty()) {
            exact.add(Normalize.exact(unquoted));
            String signature = Normalize.signature(unquoted);
            if (!signature.isEmpty()) {
                exact.add(signature);
            }
        }
        boolean deprecatedAsked = query.filters().stream().anyMatch(filter -> filter.key() == SearchFilter.Key.DEPRECATED);
        return new QueryPlan(
                groups, minimumShouldMatch, phrases, List.copyOf(exact), filters(query), !deprecatedAsked, now,
                query.text().isEmpty());
    }

    /**
     * Splits the text into words and quoted phrases (an unclosed quote runs to the end); tells
     * whether the text ends with a word, which alone may be the prefix of something being typed.
     */
    private static boolean split(String text, List<String> words, List<String> phrases) {
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean endsWithWord = false;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean end = i == text.length();
            if (c == '"' || end || (!quoted && Character.isWhitespace(c))) {
                String part = current.toString().strip();
                if (!part.isEmpty()) {
                    if (quoted) {
                        phrases.add(part);
                        endsWithWord = false;
                    } else {
                        words.add(part);
                        endsWithWord = true;
                    }
                } else if (quoted && c == '"') {
                    endsWithWord = false;
                }
                current.setLength(0);
                if (c == '"') {
                    quoted = !quoted;
                    endsWithWord = false;
                }
            } else {
                current.append(c);
            }
        }
        return endsWithWord;
    }

    /**
     * Typo tolerance by the length of the word as typed: none below five letters (too many short
     * words are one edit apart), one edit from five, two from ten. Only for alphabetic words:
     * numbers and Chinese words are not misspelt by letters. Two edits start late because their
     * automata cost about twice the query time of one edit, and most typos are one edit (a swap
     * of two letters counts as one).
     */
    static int fuzzyEdits(String word) {
        int length = Normalize.codePoints(word);
        if (length < 5 || !word.codePoints().allMatch(c -> Character.isLetter(c) && !Character.isIdeographic(c))) {
            return 0;
        }
        return length >= 10 ? 2 : 1;
    }

    private static String prefixOf(String word) {
        String normal = Normalize.exact(word);
        int length = Normalize.codePoints(normal);
        // one letter matches nearly everything; past the indexed length nothing can match
        return length >= 2 && length <= Normalize.MAX_PREFIX_LENGTH ? normal : null;
    }

    /** Deleted documents never match; then the types, then one clause per filter key. */
    static List<FilterClause> filters(SearchQuery query) {
        List<FilterClause> clauses = new ArrayList<>();
        clauses.add(new FilterClause(Map.of(IndexFields.DELETED, List.of("false"))));
        if (!query.types().isEmpty()) {
            clauses.add(new FilterClause(
                    Map.of(IndexFields.TYPE, query.types().stream().map(type -> type.value()).sorted().toList())));
        }
        Map<SearchFilter.Key, Map<String, List<String>>> byKey = new LinkedHashMap<>();
        for (SearchFilter filter : query.filters()) {
            byKey.computeIfAbsent(filter.key(), key -> new LinkedHashMap<>())
                    .computeIfAbsent(IndexFields.field(filter), field -> new ArrayList<>())
                    .add(filter.value());
        }
        byKey.values().forEach(anyOf -> clauses.add(new FilterClause(anyOf)));
        return clauses;
    }

    /** The words to highlight in snippets: every token with its typo distance, and the prefix being typed. */
    public io.zhongtai.search.analysis.Snippets.QueryTerms snippetTerms() {
        List<io.zhongtai.search.analysis.Snippets.Term> terms = new ArrayList<>();
        String prefix = null;
        phrases.forEach(phrase -> phrase.forEach(token -> terms.add(new io.zhongtai.search.analysis.Snippets.Term(token, 0))));
        for (WordGroup group : groups) {
            group.tokens().forEach(token -> terms.add(new io.zhongtai.search.analysis.Snippets.Term(token.term(), token.fuzzyEdits())));
            prefix = group.prefix() == null ? prefix : group.prefix();
        }
        return new io.zhongtai.search.analysis.Snippets.QueryTerms(terms, prefix);
    }

    /** Only live documents: the filter of a suggestion. */
    public static List<FilterClause> liveOnly() {
        return List.of(new FilterClause(Map.of(IndexFields.DELETED, List.of("false"))));
    }
}
