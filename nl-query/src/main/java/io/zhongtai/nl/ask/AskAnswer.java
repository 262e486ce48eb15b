package io.zhongtai.nl.ask;

import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.ResultColumn;
import java.util.List;

/**
 * The answer to a question, shaped as API.md's {@code POST /api/v1/ask} answer plus a few fields
 * of our own.
 *
 * @param interpretation the query that was run, or what was understood when it cannot be run; null
 *     when nothing was understood
 * @param sql the SQL run, or null when nothing ran
 * @param status {@code answered}, {@code clarification} or {@code cannot}
 * @param parser which parser read the question: {@code deterministic} or {@code llm}
 * @param turn the number of this question in its conversation, for feedback
 */
public record AskAnswer(
        String conversationId,
        int turn,
        MetricQuery interpretation,
        String explanation,
        String sql,
        List<ResultColumn> columns,
        List<List<Object>> rows,
        boolean truncated,
        Chart chart,
        ClarificationView clarification,
        String status,
        String language,
        String parser,
        List<String> intents) {

    /** A clarifying question with runnable options, each described in the question's language. */
    public record ClarificationView(String question, List<MetricQuery> options, List<String> labels) {
        public ClarificationView {
            options = List.copyOf(options);
            labels = List.copyOf(labels);
        }
    }
}
