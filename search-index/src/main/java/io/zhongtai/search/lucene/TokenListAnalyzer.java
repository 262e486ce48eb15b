package io.zhongtai.search.lucene;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;

/**
 * How the index writer reads text values, which arrive already analysed as tokens joined by
 * spaces: split on white space, nothing more, exactly as Elasticsearch's {@code whitespace}
 * analyser does with the same strings. Between two values of one field (two column names) it
 * leaves the gap Elasticsearch leaves for text fields, so that a quoted phrase never matches
 * across two values in one engine and not in the other.
 */
final class TokenListAnalyzer extends Analyzer {
    /** Elasticsearch's default {@code position_increment_gap} for text fields. */
    static final int POSITION_GAP = 100;

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        return new TokenStreamComponents(new WhitespaceTokenizer());
    }

    @Override
    public int getPositionIncrementGap(String fieldName) {
        return POSITION_GAP;
    }
}
