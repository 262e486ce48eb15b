package io.zhongtai.search.analysis;

import io.zhongtai.core.search.SearchDocument;
import io.zhongtai.core.search.Snippet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Builds the snippet of a hit in Java, from the stored document and the analysed query, so that
 * both adapters highlight the same words the same way (the Elasticsearch index holds only
 * tokens, from which its own highlighter could not rebuild the text).
 *
 * <p>A word of the text is highlighted when its analysed term is a query term, is within the
 * query term's typo distance, or, as typed, starts with the prefix being typed. The snippet comes
 * from the first field with a highlight, in this order: description, labels, column
 * descriptions, column names, qualified name; failing all, the start of the description.
 */
public final class Snippets {
    /** Longest snippet text, in characters. */
    static final int MAX_LENGTH = 160;
    /** How much text to keep before the first highlight, so that it reads in context. */
    static final int LEAD = 40;

    private Snippets() {}

    /** What to highlight: analysed query terms with their typo distance, and an optional prefix as typed. */
    public record QueryTerms(List<Term> terms, String prefix) {
        public QueryTerms {
            terms = List.copyOf(terms);
        }
    }

    /** One analysed query term and the edits allowed from it (0, 1 or 2). */
    public record Term(String term, int edits) {}

    /** The snippet of a hit, or null when there is nothing better to show than the name. */
    public static Snippet build(SearchDocument document, QueryTerms query) {
        List<Candidate> candidates = new ArrayList<>();
        if (document.description() != null) {
            candidates.add(new Candidate("description", document.description()));
        }
        if (!document.labels().isEmpty()) {
            candidates.add(new Candidate("labels", String.join(" · ", document.labels())));
        }
        List<String> described = new ArrayList<>();
        for (SearchDocument.Column column : document.columns()) {
            if (column.description() != null) {
                described.add(column.name() + ": " + column.description());
            }
        }
        if (!described.isEmpty()) {
            candidates.add(new Candidate("columnDescriptions", String.join("; ", described)));
        }
        if (!document.columns().isEmpty()) {
            candidates.add(new Candidate("columns", String.join(", ", document.columnNames())));
        }
        candidates.add(new Candidate("qualifiedName", document.qualifiedName()));
        for (Candidate candidate : candidates) {
            List<Snippet.Span> spans = highlights(candidate.text(), query);
            if (!spans.isEmpty()) {
                return cut(candidate.field(), candidate.text(), spans);
            }
        }
        return document.description() == null ? null : cut("description", document.description(), List.of());
    }

    private record Candidate(String field, String text) {}

    static List<Snippet.Span> highlights(String text, QueryTerms query) {
        List<Snippet.Span> spans = new ArrayList<>();
        for (TextAnalysis.Token token : TextAnalysis.tokensWithOffsets(text)) {
            if (matches(token, text, query)) {
                Snippet.Span span = new Snippet.Span(token.start(), token.end());
                // word parts of one word (order_items) come out as adjacent spans: join them
                if (!spans.isEmpty() && spans.get(spans.size() - 1).end() >= span.start()) {
                    Snippet.Span previous = spans.remove(spans.size() - 1);
                    span = new Snippet.Span(previous.start(), Math.max(previous.end(), span.end()));
                }
                spans.add(span);
            }
        }
        return spans;
    }

    private static boolean matches(TextAnalysis.Token token, String text, QueryTerms query) {
        for (Term term : query.terms()) {
            if (token.term().equals(term.term())) {
                return true;
            }
            if (term.edits() > 0
                    && !token.term().isEmpty()
                    && !term.term().isEmpty()
                    && token.term().charAt(0) == term.term().charAt(0)
                    && editDistance(token.term(), term.term(), term.edits()) <= term.edits()) {
                return true;
            }
        }
        if (query.prefix() != null) {
            String typed = text.substring(token.start(), token.end()).toLowerCase(Locale.ROOT);
            return typed.startsWith(query.prefix());
        }
        return false;
    }

    /** Damerau-Levenshtein distance (adjacent swaps count once, as in the engines' typo matching), capped. */
    static int editDistance(String a, String b, int cap) {
        if (Math.abs(a.length() - b.length()) > cap) {
            return cap + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** Keeps at most {@link #MAX_LENGTH} characters around the first highlight, marking cuts with an ellipsis. */
    static Snippet cut(String field, String text, List<Snippet.Span> spans) {
        if (text.length() <= MAX_LENGTH) {
            return new Snippet(field, text, spans);
        }
        int start = spans.isEmpty() ? 0 : Math.max(0, spans.get(0).start() - LEAD);
        while (start > 0 && start < text.length() && !Character.isWhitespace(text.charAt(start - 1))
                && spans.get(0).start() - start < LEAD + 20) {
            start--; // back to the start of a word, a little further than the lead at most
        }
        int end = Math.min(text.length(), start + MAX_LENGTH);
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        String prefix = start > 0 ? "… " : "";
        String suffix = end < text.length() ? " …" : "";
        String body = text.substring(start, end);
        int shift = prefix.length() - start;
        List<Snippet.Span> kept = new ArrayList<>();
        for (Snippet.Span span : spans) {
            if (span.start() >= start && span.end() <= end) {
                kept.add(new Snippet.Span(span.start() + shift, span.end() + shift));
            }
        }
        return new Snippet(field, prefix + body + suffix, kept);
    }
}
