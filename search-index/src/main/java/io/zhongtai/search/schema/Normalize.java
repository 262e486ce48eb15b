package io.zhongtai.search.schema;

import io.zhongtai.search.analysis.TextAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The normal forms that exact-name and prefix matching compare, the same for documents and queries. */
public final class Normalize {
    /** Longer values are not kept as exact names: they are sentences, not names. */
    static final int MAX_EXACT_LENGTH = 256;
    /** Prefixes are indexed up to this many characters; nobody types more before picking. */
    public static final int MAX_PREFIX_LENGTH = 20;

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    private Normalize() {}

    /** Lower case, trimmed, inner white space collapsed to one space. */
    public static String exact(String text) {
        String stripped = text.strip();
        // most names hold no white space at all: no copy beyond lower-casing (a regex here cost 6% of indexing)
        boolean plain = true;
        for (int i = 0; i < stripped.length() && plain; i++) {
            plain = !Character.isWhitespace(stripped.charAt(i));
        }
        return (plain ? stripped : WHITE_SPACE.matcher(stripped).replaceAll(" ")).toLowerCase(Locale.ROOT);
    }

    /** The analysed terms joined by spaces: {@code "Order Items"} and {@code order_items} both give {@code "order item"}. */
    public static String signature(String text) {
        return String.join(" ", TextAnalysis.tokens(text));
    }

    /** Every prefix of {@code text} of 1 to {@link #MAX_PREFIX_LENGTH} code points. */
    public static List<String> prefixes(String text) {
        List<String> out = new ArrayList<>();
        int end = 0;
        for (int count = 0; count < MAX_PREFIX_LENGTH && end < text.length(); count++) {
            end += Character.charCount(text.codePointAt(end));
            out.add(text.substring(0, end));
        }
        return out;
    }

    static int codePoints(String text) {
        return text.codePointCount(0, text.length());
    }
}
