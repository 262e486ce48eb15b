package io.zhongtai.core.search;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A short piece of a hit's text showing why it matched: which field it comes from, the plain
 * text, and the character ranges that matched the query. Kept as ranges rather than markup so
 * that no adapter decides how text is escaped; {@link #html()} renders it safely.
 *
 * @param field where the text comes from: {@code description}, {@code labels}, {@code columns},
 *     {@code qualifiedName}, ...
 */
public record Snippet(String field, String text, List<Span> highlights) {
    public Snippet {
        requireNonNull(field, "field is null");
        requireNonNull(text, "text is null");
        highlights = List.copyOf(requireNonNull(highlights, "highlights is null"));
        int previousEnd = 0;
        for (Span span : highlights) {
            if (span.start() < previousEnd || span.end() > text.length()) {
                throw new IllegalArgumentException("highlights must be ordered, apart and inside the text: " + highlights);
            }
            previousEnd = span.end();
        }
    }

    /** The text HTML-escaped, with each highlight wrapped in {@code <em>}. */
    public String html() {
        StringBuilder out = new StringBuilder(text.length() + highlights.size() * 9);
        int at = 0;
        for (Span span : highlights) {
            escape(text, at, span.start(), out);
            out.append("<em>");
            escape(text, span.start(), span.end(), out);
            out.append("</em>");
            at = span.end();
        }
        escape(text, at, text.length(), out);
        return out.toString();
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
    }

    /** A matched range of characters, {@code start} inclusive, {@code end} exclusive. */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end <= start) {
                throw new IllegalArgumentException("a span needs 0 <= start < end, was " + start + ".." + end);
            }
        }
    }
}
