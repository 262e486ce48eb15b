package io.zhongtai.metrics.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.model.Window;
import io.zhongtai.metrics.query.TimeRange;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which comparisons may share one aggregation: whole-bucket shifts, and no partial bucket read by two periods. */
class SharedPeriodsTest {
    private static Shift shift(int count, TimeGrain unit) {
        return new Shift(new Window(count, unit));
    }

    private static TimeRange range(String start, String end) {
        return new TimeRange(start == null ? null : LocalDate.parse(start), end == null ? null : LocalDate.parse(end));
    }

    @Test
    void aShiftIsAlignedWhenItMovesEachBucketOntoExactlyOneBucket() {
        assertThat(SharedPeriods.aligned(List.of(Shift.PREVIOUS_PERIOD), TimeGrain.WEEK)).isTrue();
        assertThat(SharedPeriods.aligned(List.of(Shift.ONE_YEAR), TimeGrain.MONTH)).isTrue();
        assertThat(SharedPeriods.aligned(List.of(Shift.ONE_YEAR), TimeGrain.QUARTER)).isTrue();
        assertThat(SharedPeriods.aligned(List.of(Shift.ONE_YEAR, Shift.PREVIOUS_PERIOD), TimeGrain.YEAR)).isTrue();
        assertThat(SharedPeriods.aligned(List.of(shift(3, TimeGrain.MONTH)), TimeGrain.QUARTER)).isTrue();
        assertThat(SharedPeriods.aligned(List.of(shift(14, TimeGrain.DAY)), TimeGrain.WEEK)).isTrue();
        assertThat(SharedPeriods.aligned(List.of(shift(7, TimeGrain.DAY)), TimeGrain.DAY)).isTrue();
        // a year at day grain (29 February), a year at week grain (Mondays do not line up),
        // a month at quarter grain, days that are not whole weeks
        assertThat(SharedPeriods.aligned(List.of(Shift.ONE_YEAR), TimeGrain.DAY)).isFalse();
        assertThat(SharedPeriods.aligned(List.of(Shift.ONE_YEAR), TimeGrain.WEEK)).isFalse();
        assertThat(SharedPeriods.aligned(List.of(shift(1, TimeGrain.MONTH)), TimeGrain.QUARTER)).isFalse();
        assertThat(SharedPeriods.aligned(List.of(shift(10, TimeGrain.DAY)), TimeGrain.WEEK)).isFalse();
        assertThat(SharedPeriods.aligned(List.of(shift(1, TimeGrain.WEEK)), TimeGrain.MONTH)).isFalse();
    }

    @Test
    void aPartialBucketMayNotBeReadByAnotherPeriod() {
        // whole months: the year and the one before share nothing partial
        assertThat(SharedPeriods.compatible(List.of(range("2025-01-01", "2025-12-31"),
                range("2024-01-01", "2024-12-31")), TimeGrain.MONTH)).isTrue();
        // no range at all
        assertThat(SharedPeriods.compatible(Arrays.asList((TimeRange) null, null), TimeGrain.MONTH)).isTrue();
        // a range from the 15th of March against the whole previous months: March is partial for
        // the current period only, and the previous period reads February and March whole
        assertThat(SharedPeriods.compatible(List.of(range("2025-03-15", "2025-04-30"),
                range("2025-02-01", "2025-03-31")), TimeGrain.MONTH)).isFalse();
        // a partial last bucket that no other period touches
        assertThat(SharedPeriods.compatible(List.of(range("2025-01-01", "2025-03-15"),
                range("2024-01-01", "2024-03-15")), TimeGrain.MONTH)).isTrue();
        // an open range touches everything before or after it
        assertThat(SharedPeriods.compatible(List.of(range("2025-01-10", null), range(null, "2025-01-31")),
                TimeGrain.MONTH)).isFalse();
    }
}
