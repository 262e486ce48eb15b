package io.zhongtai.crawlers.sql;

/**
 * Text handed to the parser, with the script offset of each of its characters, so that a parse
 * error is reported where the user wrote it even when the text was rewritten (see {@link
 * HiveSyntax}).
 */
final class SourceText {
    private final String text;
    private final int base;
    private final int[] origins;

    private SourceText(String text, int base, int[] origins) {
        this.text = text;
        this.base = base;
        this.origins = origins;
    }

    /** A span of the script, unchanged. */
    static SourceText span(String script, int start, int end) {
        return new SourceText(script.substring(start, end), start, null);
    }

    String text() {
        return text;
    }

    /** The script offset of an offset of this text; past the end, the end of the last character. */
    int scriptOffset(int offset) {
        if (origins == null) {
            return base + Math.min(offset, text.length());
        }
        if (origins.length == 0) {
            return base;
        }
        if (offset >= origins.length) {
            return origins[origins.length - 1] + 1;
        }
        return origins[Math.max(0, offset)];
    }

    /** Builds a rewritten text from pieces of the script and inserted words. */
    static final class Builder {
        private final String script;
        private final StringBuilder text = new StringBuilder();
        private int[] origins = new int[64];

        Builder(String script) {
            this.script = script;
        }

        Builder copy(int start, int end) {
            for (int i = start; i < end; i++) {
                add(script.charAt(i), i);
            }
            return this;
        }

        /** Blanks a span, keeping its line breaks so that later lines keep their numbers. */
        Builder blank(int start, int end) {
            for (int i = start; i < end; i++) {
                add(script.charAt(i) == '\n' ? '\n' : ' ', i);
            }
            return this;
        }

        /** Inserts words that the user did not write; an error inside them points at {@code anchor}. */
        Builder insert(String words, int anchor) {
            for (int i = 0; i < words.length(); i++) {
                add(words.charAt(i), anchor);
            }
            return this;
        }

        private void add(char c, int origin) {
            if (text.length() == origins.length) {
                origins = java.util.Arrays.copyOf(origins, origins.length * 2);
            }
            origins[text.length()] = origin;
            text.append(c);
        }

        SourceText build() {
            return new SourceText(text.toString(), 0, java.util.Arrays.copyOf(origins, text.length()));
        }
    }
}
