package io.zhongtai.search.lucene;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

/**
 * Counts facet values over every hit by reading doc values. Counting per segment into arrays
 * indexed by ordinal and naming the values once per segment keeps it linear in the hits and
 * needs no taxonomy or reader state to maintain across refreshes (which lucene-facet's
 * sorted-set facets would).
 */
final class FacetCounter implements CollectorManager<FacetCounter.Counting, Map<String, Map<String, Long>>> {
    private final List<String> fields;

    FacetCounter(List<String> fields) {
        this.fields = List.copyOf(fields);
    }

    @Override
    public Counting newCollector() {
        return new Counting(fields);
    }

    @Override
    public Map<String, Map<String, Long>> reduce(Collection<Counting> collectors) {
        Map<String, Map<String, Long>> total = new LinkedHashMap<>();
        fields.forEach(field -> total.put(field, new HashMap<>()));
        for (Counting collector : collectors) {
            collector.counts.forEach((field, counts) -> counts.forEach((value, count) -> total.get(field).merge(value, count, Long::sum)));
        }
        return total;
    }

    static final class Counting implements Collector {
        private final List<String> fields;
        private final Map<String, Map<String, Long>> counts = new HashMap<>();

        Counting(List<String> fields) {
            this.fields = fields;
            fields.forEach(field -> counts.put(field, new HashMap<>()));
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            List<SortedSetDocValues> values = new ArrayList<>();
            List<int[]> leafCounts = new ArrayList<>();
            for (String field : fields) {
                SortedSetDocValues docValues = DocValues.getSortedSet(context.reader(), field);
                values.add(docValues);
                leafCounts.add(new int[Math.toIntExact(docValues.getValueCount())]);
            }
            return new LeafCollector() {
                @Override
                public void setScorer(Scorable scorer) {}

                @Override
                public void collect(int doc) throws IOException {
                    for (int f = 0; f < values.size(); f++) {
                        SortedSetDocValues docValues = values.get(f);
                        if (docValues.advanceExact(doc)) {
                            int[] count = leafCounts.get(f);
                            for (int i = 0; i < docValues.docValueCount(); i++) {
                                count[(int) docValues.nextOrd()]++;
                            }
                        }
                    }
                }

                @Override
                public void finish() throws IOException {
                    // the doc values iterators are spent; name the ordinals through fresh ones
                    for (int f = 0; f < fields.size(); f++) {
                        SortedSetDocValues lookup = DocValues.getSortedSet(context.reader(), fields.get(f));
                        int[] count = leafCounts.get(f);
                        Map<String, Long> fieldCounts = counts.get(fields.get(f));
                        for (int ord = 0; ord < count.length; ord++) {
                            if (count[ord] > 0) {
                                fieldCounts.merge(lookup.lookupOrd(ord).utf8ToString(), (long) count[ord], Long::sum);
                            }
                        }
                    }
                }
            };
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
