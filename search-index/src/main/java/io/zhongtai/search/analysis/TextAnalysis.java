package io.zhongtai.search.analysis;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Runs the {@link CatalogAnalyzer} chain on a string. Thread-safe: Lucene analyzers keep one
 * token stream per thread.
 */
public final class TextAnalysis {
    private static final Analyzer STEMMED = CatalogAnalyzer.stemming();
    private static final Analyzer WORDS = CatalogAnalyzer.words();

    private TextAnalysis() {}

    /** The indexed terms of a text: {@code "Order_Items of 订单"} → {@code [order, item, 订单]}. */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        for (Token token : run(STEMMED, text)) {
            out.add(token.term());
        }
        return out;
    }

    /** The words as typed, lower-cased and split but not stemmed: {@code "OrderItems"} → {@code [order, items]}. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (Token token : run(WORDS, text)) {
            out.add(token.term());
        }
        return out;
    }

    /** Indexed terms with the character range each one came from, for highlighting. */
    public static List<Token> tokensWithOffsets(String text) {
        return run(STEMMED, text);
    }

    private static List<Token> run(Analyzer analyzer, String text) {
        List<Token> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        } catch (IOException e) {
            // analysis reads from a string: an I/O failure here is a defect, not an outside failure
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "Text analysis failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** One term and the range {@code [start, end)} of the original text it came from. */
    public record Token(String term, int start, int end) {}
}
