package io.zhongtai.metrics.compile;

import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.model.TimeGrain;
import io.zhongtai.metrics.model.Window;

/**
 * How far back a value is read: the calendar-aligned previous period (环比), or a fixed offset
 * such as one year (同比, {@code same_period_last_year}) or an input's {@code offset_window}.
 *
 * @param window the offset, null for the previous period
 */
record Shift(Window window) {
    static final Shift PREVIOUS_PERIOD = new Shift(null);
    static final Shift ONE_YEAR = new Shift(new Window(1, TimeGrain.YEAR));

    static Shift of(Comparison comparison) {
        return comparison == Comparison.PREVIOUS_PERIOD ? PREVIOUS_PERIOD : ONE_YEAR;
    }

    boolean previousPeriod() {
        return window == null;
    }
}
