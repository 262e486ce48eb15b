package io.zhongtai.metrics.compile;

import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.query.TimeRange;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * When the periods a comparison reads (current, previous, a year back) can share one aggregation:
 * the rows are aggregated once per bucket over all the periods' dates, and each earlier bucket is
 * relabelled onto the bucket it is compared with. That gives the same numbers as reading each
 * period on its own only when
 * <ul>
 *   <li>every shift moves a bucket onto exactly one bucket (a whole number of buckets: months or
 *       years at month grain, weeks at week grain, not months at day or week grain), and</li>
 *   <li>a bucket only partly inside one period's range (a range starting or ending inside it) is
 *       read by no other period, which could need the whole bucket.</li>
 * </ul>
 * Otherwise each period keeps its own scan.
 */
final class SharedPeriods {
    private SharedPeriods() {}

    /** Whether every shift moves each bucket of {@code grain} onto exactly one bucket. */
    static boolean aligned(List<Shift> shifts, TimeGrain grain) {
        for (Shift shift : shifts) {
            if (shift.previousPeriod()) {
                continue;
            }
            long count = shift.window().count();
            TimeGrain unit = shift.window().grain();
            boolean ok = switch (grain) {
                case DAY -> days(unit) > 0;
                case WEEK -> days(unit) > 0 && count * days(unit) % 7 == 0;
                case MONTH, QUARTER, YEAR -> months(unit) > 0 && count * months(unit) % months(grain) == 0;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static long days(TimeGrain unit) {
        return unit == TimeGrain.DAY ? 1 : unit == TimeGrain.WEEK ? 7 : 0;
    }

    private static long months(TimeGrain unit) {
        return switch (unit) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case YEAR -> 12;
            default -> 0;
        };
    }

    /**
     * Whether no bucket that one range covers only in part is touched by another range
     * ({@code null} ranges and null ends are unbounded).
     */
    static boolean compatible(List<TimeRange> ranges, TimeGrain grain) {
        for (int i = 0; i < ranges.size(); i++) {
            for (LocalDate partial : partialBuckets(ranges.get(i), grain)) {
                LocalDate bucketEnd = Calendar.plus(partial, 1, grain).minusDays(1);
                for (int j = 0; j < ranges.size(); j++) {
                    if (j != i && !Objects.equals(ranges.get(j), ranges.get(i)) && touches(ranges.get(j), partial, bucketEnd)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static List<LocalDate> partialBuckets(TimeRange range, TimeGrain grain) {
        List<LocalDate> out = new ArrayList<>();
        if (range == null) {
            return out;
        }
        if (range.start() != null && !Calendar.bucketStart(range.start(), grain).equals(range.start())) {
            out.add(Calendar.bucketStart(range.start(), grain));
        }
        if (range.end() != null) {
            LocalDate next = range.end().plusDays(1);
            if (!Calendar.bucketStart(next, grain).equals(next)) {
                out.add(Calendar.bucketStart(range.end(), grain));
            }
        }
        return out;
    }

    private static boolean touches(TimeRange range, LocalDate from, LocalDate to) {
        return range == null || ((range.start() == null || !range.start().isAfter(to))
                && (range.end() == null || !range.end().isBefore(from)));
    }
}
