package io.zhongtai.search.analysis;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    static final int MEMO_TEXT_LENGTH = 40;
    static final int MEMO_SIZE = 100_000;
    private static final Map<String, List<String>> STEMMED_MEMO = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> WORDS_MEMO = new ConcurrentHashMap<>();

    private TextAnalysis() {}

    /** The indexed terms of a text: {@code "Order_Items of 订单"} → {@code [order, item, 订单]}. */
    public static List<String> tokens(String text) {
        return memo(STEMMED_MEMO, STEMMED, text);
    }

    /** The words as typed, lower-cased and split but not stemmed: {@code "OrderItems"} → {@code [order, items]}. */
    public static List<String> words(String text) {
        return memo(WORDS_MEMO, WORDS, text);
    }

    /**
     * Short texts are names: of columns ({@code customer_id} in a thousand tables), schemas,
     * warehouses, owners, tags, each analysed for every document that mentions it. Remembering
     * their terms makes indexing several times faster on real catalogs; the memo is emptied when
     * it grows large, so it never holds more than {@value #MEMO_SIZE} names.
     */
    private static List<String> memo(Map<String, List<String>> memo, Analyzer analyzer, String text) {
        if (text == null || text.length() > MEMO_TEXT_LENGTH) {
            return terms(analyzer, text);
        }
        List<String> known = memo.get(text);
        if (known != null) {
            return known;
        }
        List<String> terms = List.copyOf(terms(analyzer, text));
        if (memo.size() >= MEMO_SIZE) {
            memo.clear();
        }
        memo.put(text, terms);
        return terms;
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        for (Token token : run(analyzer, text)) {
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
