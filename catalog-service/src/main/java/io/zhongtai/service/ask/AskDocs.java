package io.zhongtai.service.ask;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/** Shapes of {@code /api/v1/ask} for the OpenAPI document (the controller reads and writes JSON itself). */
final class AskDocs {
    private AskDocs() {}

    @Schema(name = "AskRequest", description = "A question in English or Chinese")
    record AskBody(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "上个月华东地区线上渠道的客单价是多少？") String question,
            @Schema(description = "Continue this conversation (follow-ups); omit to start one") String conversationId,
            @Schema(description = "The day the question is about ('today'); defaults to today, or 2026-01-01 on the demo warehouse",
                    example = "2026-01-01") String asOf,
            @Schema(description = "Run on this warehouse instead of the metrics' own") String warehouse) {}

    @Schema(name = "AskChart")
    record ChartDoc(@Schema(allowableValues = {"number", "line", "bar", "table"}) String type, String x, List<String> y,
            String series) {}

    @Schema(name = "AskClarification")
    record ClarificationDoc(String question,
            @Schema(description = "Runnable metric queries, one per reading") List<Map<String, Object>> options,
            @Schema(description = "Each option in words, in the question's language") List<String> labels) {}

    @Schema(name = "AskResponse")
    record AskResponseDoc(
            String conversationId,
            @Schema(description = "The number of this question in its conversation, for feedback") int turn,
            @Schema(description = "The metric query the answer is based on (the body of POST /api/v1/metrics/query)")
                    Map<String, Object> interpretation,
            @Schema(description = "What was understood, in the question's language") String explanation,
            String sql,
            List<Map<String, String>> columns,
            List<List<Object>> rows,
            boolean truncated,
            ChartDoc chart,
            @Schema(nullable = true) ClarificationDoc clarification,
            @Schema(allowableValues = {"answered", "clarification", "cannot"}) String status,
            @Schema(allowableValues = {"en", "zh"}) String language,
            @Schema(allowableValues = {"deterministic", "llm"}) String parser,
            List<String> intents) {}

    @Schema(name = "AskFeedbackRequest")
    record FeedbackBody(
            @Schema(description = "The turn the verdict is about; the conversation's last one when omitted") Integer turn,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"correct", "incorrect"}) String verdict,
            @Schema(description = "The right interpretation, a metric query; required for incorrect") Map<String, Object> corrected,
            String comment) {}

    @Schema(name = "AskFeedback")
    record FeedbackDoc(String id, String at, String user, String conversationId, int turn, String question,
            Map<String, Object> interpretation, String verdict, Map<String, Object> corrected, String comment) {}
}
