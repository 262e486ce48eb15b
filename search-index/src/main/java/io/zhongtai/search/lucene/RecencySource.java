package io.zhongtai.search.lucene;

import io.zhongtai.search.schema.IndexFields;
import io.zhongtai.search.schema.Ranking;
import java.io.IOException;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * The recency factor of {@link Ranking#recency} per document, read from its {@code updated_at}
 * doc value, as Elasticsearch's {@code gauss} decay plus one computes it; a document without the
 * value gets the full bonus, as Elasticsearch's decay functions give 1 for a missing field.
 */
final class RecencySource extends DoubleValuesSource {
    private final long now;

    RecencySource(long now) {
        this.now = now;
    }

    @Override
    public DoubleValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
        NumericDocValues values = DocValues.getNumeric(context.reader(), IndexFields.UPDATED_AT);
        return new DoubleValues() {
            private double value;

            @Override
            public double doubleValue() {
                return value;
            }

            @Override
            public boolean advanceExact(int doc) throws IOException {
                value = values.advanceExact(doc) ? Ranking.recency(values.longValue(), now) : 1 + Ranking.RECENCY_WEIGHT;
                return true;
            }
        };
    }

    @Override
    public boolean needsScores() {
        return false;
    }

    @Override
    public DoubleValuesSource rewrite(IndexSearcher searcher) {
        return this;
    }

    @Override
    public boolean isCacheable(LeafReaderContext context) {
        return DocValues.isCacheable(context, IndexFields.UPDATED_AT);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(now);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecencySource source && source.now == now;
    }

    @Override
    public String toString() {
        return "recency(" + IndexFields.UPDATED_AT + ", now=" + now + ")";
    }
}
