package io.zhongtai.nl;

import static java.util.Objects.requireNonNull;

import io.zhongtai.metrics.query.MetricQuery;
import java.time.LocalDate;

/**
 * A question to interpret.
 *
 * @param asOf the day the question is asked about: "today" in its time expressions
 * @param previous the structured query of the conversation's previous answer, or null
 * @param warehouse the warehouse to run on, or null for the metrics' own
 */
public record ParseRequest(String question, LocalDate asOf, MetricQuery previous, String warehouse) {
    public ParseRequest {
        requireNonNull(question, "question is null");
        requireNonNull(asOf, "asOf is null");
    }

    public static ParseRequest of(String question, LocalDate asOf) {
        return new ParseRequest(question, asOf, null, null);
    }
}
