package io.zhongtai.nl.run;

import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.QueryResult;

/**
 * Validates and runs metric queries for the question service: the metrics engine's compiler and
 * executor behind one port, so that every interpretation, the deterministic parser's and an
 * LLM's alike, goes through the same validation.
 */
public interface QueryRunner {
    /**
     * Compiles the query without running it.
     *
     * @return the SQL it would run
     * @throws io.zhongtai.core.CatalogException a 4xx error naming what is wrong
     */
    String validate(MetricQuery query);

    /** Compiles and runs the query. */
    QueryResult run(MetricQuery query);
}
