package io.zhongtai.nl.feedback;

import static java.util.Objects.requireNonNull;

import io.zhongtai.metrics.query.MetricQuery;
import java.time.Instant;

/**
 * A person's verdict on how a question was read: correct, or incorrect with the interpretation
 * that would have been right. Corrected pairs become examples in the LLM parser's prompt.
 *
 * @param interpretation what the question was read as (null when it was not read as a query)
 * @param corrected the right interpretation, for an incorrect verdict; null otherwise
 */
public record Feedback(
        String id,
        Instant at,
        String user,
        String conversationId,
        int turn,
        String question,
        MetricQuery interpretation,
        boolean correct,
        MetricQuery corrected,
        String comment) {
    public Feedback {
        requireNonNull(id, "id is null");
        requireNonNull(at, "at is null");
        requireNonNull(user, "user is null");
        requireNonNull(question, "question is null");
    }

    /** The question with the query it should be read as, if this feedback gives one. */
    public MetricQuery example() {
        return correct ? interpretation : corrected;
    }
}
