package io.zhongtai.core.governance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Decides whether a KPI has met its target, is on track to meet it by the deadline, or is behind. */
public final class KpiTargets {
    private KpiTargets() {}

    /**
     * The status of a value against the KPI's target. "On track" needs a deadline still ahead and
     * a trend: the least-squares line through the stored snapshots and today's value, projected to
     * the deadline, reaches the target. With fewer than two points there is no trend, so a value
     * short of its target is behind.
     */
    public static KpiStatus status(KpiDefinition kpi, Double value, List<KpiSnapshot> history, LocalDate asOf) {
        if (kpi.target() == null) {
            return KpiStatus.NO_TARGET;
        }
        if (value != null && reaches(kpi, value)) {
            return KpiStatus.MET;
        }
        if (kpi.deadline() == null || value == null || kpi.deadline().isBefore(asOf)) {
            return KpiStatus.BEHIND;
        }
        List<double[]> points = new ArrayList<>();
        for (KpiSnapshot snapshot : history) {
            if (snapshot.value() != null && snapshot.date().isBefore(asOf)) {
                points.add(new double[] {ChronoUnit.DAYS.between(asOf, snapshot.date()), snapshot.value()});
            }
        }
        points.add(new double[] {0, value});
        if (points.size() < 2) {
            return KpiStatus.BEHIND;
        }
        double slope = slope(points);
        double projected = value + slope * ChronoUnit.DAYS.between(asOf, kpi.deadline());
        return reaches(kpi, projected) ? KpiStatus.ON_TRACK : KpiStatus.BEHIND;
    }

    private static boolean reaches(KpiDefinition kpi, double value) {
        return kpi.lowerIsBetter() ? value <= kpi.target() : value >= kpi.target();
    }

    /** Least-squares slope of y over x. */
    static double slope(List<double[]> points) {
        double n = points.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : points) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double denominator = n * sxx - sx * sx;
        return denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
    }
}
