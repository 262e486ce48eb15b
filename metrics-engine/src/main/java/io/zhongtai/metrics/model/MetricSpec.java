package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** What a metric computes; one record per {@link MetricType}. */
public sealed interface MetricSpec {

    MetricType type();

    /** A measure, optionally filtered ({@code order_status = 'paid'}). */
    record Simple(String measure, String filter) implements MetricSpec {
        public Simple {
            requireNonNull(measure, "measure is null");
        }

        @Override
        public MetricType type() {
            return MetricType.SIMPLE;
        }
    }

    /** numerator / denominator, each aggregated on its own with its own filter; a double. */
    record Ratio(MetricInput numerator, MetricInput denominator) implements MetricSpec {
        public Ratio {
            requireNonNull(numerator, "numerator is null");
            requireNonNull(denominator, "denominator is null");
        }

        @Override
        public MetricType type() {
            return MetricType.RATIO;
        }
    }

    /** An expression over other metrics ({@code gmv - gross_profit}), each input possibly offset in time. */
    record Derived(String expr, List<MetricInput> inputs) implements MetricSpec {
        public Derived {
            requireNonNull(expr, "expr is null");
            inputs = List.copyOf(requireNonNull(inputs, "inputs is null"));
        }

        @Override
        public MetricType type() {
            return MetricType.DERIVED;
        }
    }

    /**
     * A running aggregate of a measure up to the end of each period: over all earlier data when
     * neither is set, over a trailing {@code window} (7 days), or from the start of the
     * {@code grainToDate} period (month-to-date, year-to-date).
     */
    record Cumulative(String measure, String filter, Window window, TimeGrain grainToDate) implements MetricSpec {
        public Cumulative {
            requireNonNull(measure, "measure is null");
            if (window != null && grainToDate != null) {
                throw new IllegalArgumentException("a cumulative metric has a window or a grain to date, not both");
            }
        }

        @Override
        public MetricType type() {
            return MetricType.CUMULATIVE;
        }
    }

    /**
     * Base events that are followed by a conversion event of the same entity within the window.
     * The base measure counts the base events; the conversion measure counts the converted ones.
     *
     * @param constantProperties dimensions that must be equal on both events (may be empty)
     */
    record Conversion(
            String baseMeasure,
            String conversionMeasure,
            String entity,
            Window window,
            ConversionCalculation calculation,
            List<String> constantProperties)
            implements MetricSpec {
        public Conversion {
            requireNonNull(baseMeasure, "baseMeasure is null");
            requireNonNull(conversionMeasure, "conversionMeasure is null");
            requireNonNull(entity, "entity is null");
            calculation = calculation == null ? ConversionCalculation.CONVERSION_RATE : calculation;
            constantProperties = List.copyOf(constantProperties == null ? List.of() : constantProperties);
        }

        @Override
        public MetricType type() {
            return MetricType.CONVERSION;
        }
    }

    /**
     * Another metric against an earlier period (gmv_yoy: gmv against the same period last year,
     * as a growth rate). Follows the rules of a query's {@code comparisons} (API.md).
     */
    record PeriodOverPeriod(String metric, Comparison comparison, ComparisonOutput output) implements MetricSpec {
        public PeriodOverPeriod {
            requireNonNull(metric, "metric is null");
            requireNonNull(comparison, "comparison is null");
            output = output == null ? ComparisonOutput.GROWTH : output;
        }

        @Override
        public MetricType type() {
            return MetricType.PERIOD_OVER_PERIOD;
        }
    }
}
