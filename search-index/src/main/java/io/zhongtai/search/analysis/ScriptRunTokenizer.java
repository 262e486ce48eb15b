package io.zhongtai.search.analysis;

import java.io.IOException;
import java.io.StringReader;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterGraphFilter;
import org.apache.lucene.analysis.miscellaneous.WordDelimiterIterator;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits text into runs of Han characters and runs of everything else, and tokenizes each run
 * with the tokenizer made for it: smartcn's dictionary-based segmenter for Chinese, and for the
 * rest the Unicode word tokenizer followed by word-part splitting ({@code order_items},
 * {@code retail.orders}, {@code OrderItems}, {@code sales2024} all come apart into words).
 *
 * <p>Why runs rather than one tokenizer: smartcn alone lower-cases Latin text before anyone can
 * see camelCase and emits punctuation as tokens, while the Unicode tokenizer alone cuts Chinese
 * into single characters, which makes {@code 订单} match every text holding 订 and 单 anywhere.
 *
 * <p>Offsets refer to the original text, so that snippets can highlight what matched.
 */
final class ScriptRunTokenizer extends Tokenizer {
    /** Catalog texts are names and descriptions; longer input is cut rather than held in memory. */
    static final int MAX_CHARS = 32_768;

    private static final int WORD_PARTS = WordDelimiterGraphFilter.GENERATE_WORD_PARTS
            | WordDelimiterGraphFilter.GENERATE_NUMBER_PARTS
            | WordDelimiterGraphFilter.SPLIT_ON_CASE_CHANGE
            | WordDelimiterGraphFilter.SPLIT_ON_NUMERICS
            | WordDelimiterGraphFilter.STEM_ENGLISH_POSSESSIVE;

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);

    private final StandardTokenizer wordTokenizer = new StandardTokenizer();
    // offsets adjusted to each part, so that a snippet highlights "items" in "order_items", not the whole
    private final TokenStream words = new WordDelimiterGraphFilter(
            wordTokenizer, true, WordDelimiterIterator.DEFAULT_WORD_DELIM_TABLE, WORD_PARTS, null);
    private final HMMChineseTokenizer chinese = new HMMChineseTokenizer();

    private char[] buffer = new char[1024];
    private String text = "";
    private int runStart;
    private int runEnd;
    private TokenStream current;
    private CharTermAttribute currentTerm;
    private OffsetAttribute currentOffset;
    private PositionIncrementAttribute currentPosition;

    @Override
    public void reset() throws IOException {
        super.reset();
        // one buffer reused across texts: analysis runs for every field of every document
        int length = 0;
        int read;
        while (length < MAX_CHARS && (read = input.read(buffer, length, buffer.length - length)) != -1) {
            length += read;
            if (length == buffer.length && length < MAX_CHARS) {
                buffer = java.util.Arrays.copyOf(buffer, Math.min(MAX_CHARS, buffer.length * 2));
            }
        }
        text = new String(buffer, 0, Math.min(length, MAX_CHARS));
        runStart = 0;
        runEnd = 0;
        current = null;
    }

    @Override
    public boolean incrementToken() throws IOException {
        clearAttributes();
        while (true) {
            if (current == null && !openNextRun()) {
                return false;
            }
            if (current.incrementToken()) {
                term.copyBuffer(currentTerm.buffer(), 0, currentTerm.length());
                offset.setOffset(
                        correctOffset(runStart + currentOffset.startOffset()), correctOffset(runStart + currentOffset.endOffset()));
                position.setPositionIncrement(Math.max(1, currentPosition.getPositionIncrement()));
                return true;
            }
            current.end();
            current.close();
            current = null;
        }
    }

    private boolean openNextRun() throws IOException {
        if (runEnd >= text.length()) {
            return false;
        }
        runStart = runEnd;
        boolean han = isHan(text.codePointAt(runStart));
        int at = runStart;
        while (at < text.length() && isHan(text.codePointAt(at)) == han) {
            at += Character.charCount(text.codePointAt(at));
        }
        runEnd = at;
        String run = text.substring(runStart, runEnd);
        if (han) {
            chinese.setReader(new StringReader(run));
            current = chinese;
        } else {
            wordTokenizer.setReader(new StringReader(run));
            current = words;
        }
        current.reset();
        currentTerm = current.getAttribute(CharTermAttribute.class);
        currentOffset = current.getAttribute(OffsetAttribute.class);
        currentPosition = current.getAttribute(PositionIncrementAttribute.class);
        return true;
    }

    static boolean isHan(int codePoint) {
        // below U+2E80 (CJK radicals) nothing is Han: skips the script lookup for Latin text
        return codePoint >= 0x2E80 && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(text.length());
        offset.setOffset(last, last);
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
        super.close();
    }
}
