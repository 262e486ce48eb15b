package io.zhongtai.nl.text;

import io.zhongtai.nl.Language;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a normalised question into tokens: runs of Han characters are segmented into words by
 * {@link ChineseSegmenter}; other text into words (letters, with inner apostrophes, hyphens and
 * ampersands kept out), numbers (with a decimal point or date separators inside) and punctuation.
 */
public final class Tokenizer {
    private final ChineseSegmenter segmenter;

    public Tokenizer(ChineseSegmenter segmenter) {
        this.segmenter = segmenter;
    }

    public List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Language.isHan(c)) {
                int end = i;
                while (end < text.length() && Language.isHan(text.charAt(end))) {
                    end++;
                }
                int offset = i;
                for (String word : segmenter.segment(text.substring(i, end))) {
                    tokens.add(new Token(word, offset, offset + word.length(), Token.Kind.HAN));
                    offset += word.length();
                }
                i = end;
            } else if (Character.isLetter(c)) {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end))
                        || (text.charAt(end) == '\'' && end + 1 < text.length() && Character.isLetter(text.charAt(end + 1))))) {
                    if (Language.isHan(text.charAt(end))) {
                        break;
                    }
                    end++;
                }
                tokens.add(new Token(text.substring(i, end), i, end, Token.Kind.WORD));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < text.length() && (Character.isDigit(text.charAt(end))
                        || (text.charAt(end) == '.' && end + 1 < text.length() && Character.isDigit(text.charAt(end + 1))))) {
                    end++;
                }
                tokens.add(new Token(text.substring(i, end), i, end, Token.Kind.NUMBER));
                i = end;
            } else {
                tokens.add(new Token(String.valueOf(c), i, i + 1, Token.Kind.PUNCTUATION));
                i++;
            }
        }
        return tokens;
    }
}
