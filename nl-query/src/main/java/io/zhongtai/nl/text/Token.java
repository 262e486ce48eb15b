package io.zhongtai.nl.text;

import static java.util.Objects.requireNonNull;

/**
 * One word of a question: Chinese words as HanLP segments them, English words and numbers as
 * runs of letters or digits.
 *
 * @param text the word as written, normalised (full-width folded, lower case)
 * @param start offset of its first character in the normalised question
 * @param end offset after its last character
 */
public record Token(String text, int start, int end, Kind kind) {
    /** What a token is made of. */
    public enum Kind {
        HAN,
        WORD,
        NUMBER,
        PUNCTUATION
    }

    public Token {
        requireNonNull(text, "text is null");
        requireNonNull(kind, "kind is null");
    }

    public boolean isPunctuation() {
        return kind == Kind.PUNCTUATION;
    }
}
