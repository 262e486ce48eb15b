package io.zhongtai.nl.ask;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.nl.Explainer;
import io.zhongtai.nl.Intent;
import io.zhongtai.nl.Interpretation;
import io.zhongtai.nl.Language;
import io.zhongtai.nl.Option;
import io.zhongtai.nl.ParseRequest;
import io.zhongtai.nl.QuestionParser;
import io.zhongtai.nl.conversation.ConversationStore;
import io.zhongtai.nl.conversation.ConversationStore.Conversation;
import io.zhongtai.nl.run.QueryRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a question: reads it (with the conversation's last query for a follow-up), validates
 * the reading through the metrics engine, runs it, explains it in the question's language and
 * picks a chart. A reading the engine refuses is never run: an LLM's falls back to the
 * deterministic parser's, and a deterministic one becomes a truthful "cannot" that carries the
 * engine's reason.
 */
public final class AskService {
    private static final Logger LOG = LoggerFactory.getLogger(AskService.class);
    public static final int MAX_QUESTION_LENGTH = 1000;

    private final QuestionParser parser;
    private final QuestionParser fallback;
    private final ConversationStore conversations;
    private final Explainer explainer;

    /**
     * @param parser the configured parser (the LLM's, or the deterministic one)
     * @param fallback the deterministic parser, which answers when the configured one's reading fails validation
     */
    public AskService(QuestionParser parser, QuestionParser fallback, ConversationStore conversations, Explainer explainer) {
        this.parser = parser;
        this.fallback = fallback;
        this.conversations = conversations;
        this.explainer = explainer;
    }

    public ConversationStore conversations() {
        return conversations;
    }

    public AskAnswer ask(AskRequest request, QueryRunner runner) {
        String question = request.question().strip();
        if (question.isEmpty()) {
            throw CatalogException.invalid("question", "is required");
        }
        if (question.length() > MAX_QUESTION_LENGTH) {
            throw CatalogException.invalid("question", "is longer than " + MAX_QUESTION_LENGTH + " characters");
        }
        Conversation conversation;
        if (request.conversationId() == null || request.conversationId().isBlank()) {
            conversation = conversations.start(request.user());
        } else {
            conversation = conversations.find(request.conversationId(), request.user()).orElseThrow(() -> new CatalogException(
                    ErrorCode.CONVERSATION_NOT_FOUND,
                    "Unknown conversation '" + request.conversationId() + "': conversations are kept "
                            + conversations.idleExpiry().toMinutes() + " minutes after their last question and belong to "
                            + "the user who started them; ask again without conversationId to start a new one"));
        }
        ParseRequest parseRequest = new ParseRequest(question, request.asOf(), conversation.last(), request.warehouse());
        QuestionParser used = parser;
        Interpretation interpretation = parser.parse(parseRequest);
        String sql = null;
        if (interpretation instanceof Interpretation.Answer answer) {
            try {
                sql = runner.validate(answer.query());
            } catch (CatalogException refused) {
                if (parser != fallback) {
                    LOG.info("The {} parser's reading was refused ({}); the deterministic parser answers", parser.name(),
                            refused.getMessage());
                    used = fallback;
                    interpretation = fallback.parse(parseRequest);
                    if (interpretation instanceof Interpretation.Answer second) {
                        try {
                            sql = runner.validate(second.query());
                        } catch (CatalogException again) {
                            interpretation = refusedReading(second, again);
                        }
                    }
                } else {
                    interpretation = refusedReading(answer, refused);
                }
            }
        }
        AskAnswer response = respond(conversation, interpretation, sql, runner, used.name());
        conversations.record(conversation, question, used.name(), response.interpretation(), kind(interpretation));
        return new AskAnswer(response.conversationId(), conversation.turns().get(conversation.turns().size() - 1).number(),
                response.interpretation(), response.explanation(), response.sql(), response.columns(), response.rows(),
                response.truncated(), response.chart(), response.clarification(), response.status(), response.language(),
                response.parser(), response.intents());
    }

    private static String kind(Interpretation interpretation) {
        return interpretation instanceof Interpretation.Answer ? "answer"
                : interpretation instanceof Interpretation.Clarification ? "clarification" : "cannot";
    }

    private Interpretation refusedReading(Interpretation.Answer answer, CatalogException refused) {
        String reason = answer.language() == Language.ZH
                ? "这个问题无法如实回答：" + refused.getMessage()
                : "This cannot be answered truthfully: " + refused.getMessage();
        return new Interpretation.Cannot(reason, answer.query(), List.of(), answer.language(), java.util.Set.of(Intent.CANNOT));
    }

    private AskAnswer respond(Conversation conversation, Interpretation interpretation, String sql, QueryRunner runner, String parserName) {
        Language language = interpretation.language();
        List<String> intents = interpretation.intents().stream().map(i -> i.name().toLowerCase(Locale.ROOT)).sorted().toList();
        if (interpretation instanceof Interpretation.Answer answer) {
            QueryResult result = runner.run(answer.query());
            StringBuilder explanation = new StringBuilder(explainer.describe(answer.query(), language));
            for (String note : answer.notes()) {
                explanation.append(language == Language.ZH ? "" : " ").append(note);
            }
            if (result.rows().isEmpty()) {
                explanation.append(language == Language.ZH ? "没有符合条件的数据。" : " No data matches.");
            }
            return new AskAnswer(conversation.id(), 0, answer.query(), explanation.toString(), result.sql(), result.columns(),
                    result.rows(), result.truncated(), Chart.of(answer.query(), result.rows().size()), null, "answered",
                    language.name().toLowerCase(Locale.ROOT), parserName, intents);
        }
        if (interpretation instanceof Interpretation.Clarification clarification) {
            List<Option> options = runnable(clarification.options(), runner);
            return new AskAnswer(conversation.id(), 0, null, clarification.question(), null, List.of(), List.of(), false, null,
                    view(clarification.question(), options), "clarification", language.name().toLowerCase(Locale.ROOT),
                    parserName, intents);
        }
        Interpretation.Cannot cannot = (Interpretation.Cannot) interpretation;
        List<Option> alternatives = runnable(cannot.alternatives(), runner);
        String offer = language == Language.ZH ? "可以改问以下问题之一吗？" : "Would one of these answer your question?";
        return new AskAnswer(conversation.id(), 0, cannot.asked(), cannot.reason(), null, List.of(), List.of(), false, null,
                alternatives.isEmpty() ? null : view(offer, alternatives), "cannot", language.name().toLowerCase(Locale.ROOT),
                parserName, intents);
    }

    private static AskAnswer.ClarificationView view(String question, List<Option> options) {
        return new AskAnswer.ClarificationView(question, options.stream().map(Option::query).toList(),
                options.stream().map(Option::label).toList());
    }

    /** Only options the engine accepts are offered. */
    private static List<Option> runnable(List<Option> options, QueryRunner runner) {
        List<Option> out = new ArrayList<>();
        for (Option option : options) {
            try {
                runner.validate(option.query());
                out.add(option);
            } catch (CatalogException e) {
                LOG.debug("Dropping an option the engine refuses: {}", e.getMessage());
            }
        }
        return out;
    }
}
