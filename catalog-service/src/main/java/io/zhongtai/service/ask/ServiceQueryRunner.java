package io.zhongtai.service.ask;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.metrics.governance.MetricRegistry;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.metrics.validate.Suggestions;
import io.zhongtai.nl.run.QueryRunner;
import io.zhongtai.service.metrics.MetricsService;

/**
 * Runs the question service's metric queries through the service's own {@link MetricsService}:
 * the live definitions, the caller's policies (role, groups, attributes), the same compiler per
 * warehouse dialect and the same executor with its result cache as {@code POST /api/v1/metrics/query}.
 */
final class ServiceQueryRunner implements QueryRunner {
    private final MetricsService metrics;
    private final Caller caller;

    ServiceQueryRunner(MetricsService metrics, Caller caller) {
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.caller = requireNonNull(caller, "caller is null");
    }

    @Override
    public String validate(MetricQuery query) {
        known(query);
        return metrics.compile(query, caller).sql();
    }

    @Override
    public QueryResult run(MetricQuery query) {
        known(query);
        return metrics.query(query, caller);
    }

    /** An unknown metric is named before the warehouse is looked for, which it would otherwise hide. */
    private void known(MetricQuery query) {
        MetricRegistry.Snapshot snapshot = metrics.registry().snapshot();
        for (String metric : query.metrics()) {
            if (snapshot.index().metric(metric).isEmpty()) {
                throw new CatalogException(ErrorCode.UNKNOWN_REFERENCE, "Unknown metric '" + metric + "'"
                        + Suggestions.didYouMean(metric, snapshot.index().metrics().keySet()));
            }
        }
    }
}
