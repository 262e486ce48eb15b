package io.zhongtai.metrics.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.metrics.query.QueryResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Compares a metric query's rows with hand-written SQL's rows: same groups, values equal to 1e-9 relative. */
public final class ResultAssert {
    private ResultAssert() {}

    /** Rows keyed by all columns but the last, each column written as text; the last column as a number. */
    public static Map<String, Double> byGroup(List<List<Object>> rows) {
        Map<String, Double> out = new TreeMap<>();
        for (List<Object> row : rows) {
            StringBuilder key = new StringBuilder();
            for (int i = 0; i < row.size() - 1; i++) {
                key.append(row.get(i)).append('|');
            }
            Object value = row.get(row.size() - 1);
            Double previous = out.put(key.toString(), value == null ? null : number(value));
            assertThat(previous).as("group %s appears once", key).isNull();
        }
        return out;
    }

    public static double number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.doubleValue();
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        return Double.parseDouble(value.toString());
    }

    public static void assertSameRows(String what, QueryResult generated, List<List<Object>> expected) {
        Map<String, Double> actual = byGroup(generated.rows());
        Map<String, Double> wanted = byGroup(expected);
        assertThat(actual.keySet()).as("%s: groups", what).containsExactlyElementsOf(wanted.keySet());
        assertThat(wanted).as("%s: has rows", what).isNotEmpty();
        for (Map.Entry<String, Double> entry : wanted.entrySet()) {
            Double got = actual.get(entry.getKey());
            Double want = entry.getValue();
            if (want == null) {
                assertThat(got).as("%s at %s", what, entry.getKey()).isNull();
            } else {
                assertThat(got).as("%s at %s", what, entry.getKey()).isNotNull();
                double tolerance = Math.max(1e-9, Math.abs(want) * 1e-9);
                assertThat(got).as("%s at %s", what, entry.getKey()).isCloseTo(want,
                        org.assertj.core.data.Offset.offset(tolerance));
            }
        }
    }
}
