package io.zhongtai.nl.ask;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * {@code POST /api/v1/ask}'s body once defaults are applied.
 *
 * @param conversationId the conversation to continue, or null to start one
 * @param user who asks: conversations belong to their owner
 */
public record AskRequest(String question, String conversationId, LocalDate asOf, String warehouse, String user) {
    public AskRequest {
        requireNonNull(question, "question is null");
        requireNonNull(asOf, "asOf is null");
        requireNonNull(user, "user is null");
    }
}
