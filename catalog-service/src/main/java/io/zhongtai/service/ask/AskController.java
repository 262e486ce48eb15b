package io.zhongtai.service.ask;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.demo.DemoRetail;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.ResultColumn;
import io.zhongtai.nl.QueryJson;
import io.zhongtai.nl.ask.AskAnswer;
import io.zhongtai.nl.ask.AskRequest;
import io.zhongtai.nl.conversation.ConversationStore;
import io.zhongtai.nl.feedback.Feedback;
import io.zhongtai.nl.run.QueryRunner;
import io.zhongtai.service.security.Roles;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /api/v1/ask} (API.md, "Questions"): a question in English or Chinese answered from
 * the governed metrics, with the interpretation, the SQL, rows and a chart, or a clarifying
 * question, or a truthful "cannot". {@code POST /api/v1/ask/{conversationId}/feedback} records a
 * verdict on a turn; {@code GET /api/v1/ask/feedback} lists them for review (stewards).
 */
@Controller("/api/v1/ask")
@Secured(Roles.ANALYST)
public class AskController {
    /** The demo's data ends on 2025-12-31; questions about "today" on it mean the day after (API.md). */
    static final LocalDate DEMO_AS_OF = LocalDate.of(2026, 1, 1);
    private static final Set<String> ASK_FIELDS = Set.of("question", "conversationId", "asOf", "warehouse");
    private static final Set<String> FEEDBACK_FIELDS = Set.of("turn", "verdict", "corrected", "comment");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final QuestionEngine engine;
    private final Clock clock;

    public AskController(QuestionEngine engine, Clock clock) {
        this.engine = engine;
        this.clock = clock;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer a question in English or Chinese from the governed metrics")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = AskDocs.AskBody.class)))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AskDocs.AskResponseDoc.class)))
    @ApiResponse(responseCode = "404", description = "conversationId names no conversation of this user (never started, or"
            + " expired after its idle time): a problem document of type conversation-not-found")
    public HttpResponse<String> ask(@Body String json, Authentication authentication) {
        ObjectNode body = object(json, ASK_FIELDS);
        String question = text(body, "question");
        if (question == null || question.isBlank()) {
            throw CatalogException.invalid("question", "is required");
        }
        String warehouse = text(body, "warehouse");
        String asOfText = text(body, "asOf");
        LocalDate asOf;
        if (asOfText != null) {
            try {
                asOf = LocalDate.parse(asOfText);
            } catch (DateTimeParseException e) {
                throw CatalogException.invalid("asOf", "must be a date YYYY-MM-DD, was '" + asOfText + "'");
            }
        } else {
            String target = warehouse != null ? warehouse : engine.defaultWarehouse(List.of());
            asOf = DemoRetail.WAREHOUSE.equals(target) ? DEMO_AS_OF : LocalDate.now(clock);
        }
        AskRequest request = new AskRequest(question, text(body, "conversationId"), asOf, warehouse, authentication.getName());
        AskAnswer answer = engine.askService().ask(request, engine.runner(engine.caller(authentication)));
        return HttpResponse.ok(render(answer).toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Post(value = "/{conversationId}/feedback", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "Record whether a question was read correctly, with the right interpretation when it was not")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = AskDocs.FeedbackBody.class)))
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AskDocs.FeedbackDoc.class)))
    @ApiResponse(responseCode = "404", description = "No such conversation of this user: a problem document of type conversation-not-found")
    public HttpResponse<String> feedback(@PathVariable String conversationId, @Body String json, Authentication authentication) {
        ObjectNode body = object(json, FEEDBACK_FIELDS);
        ConversationStore.Conversation conversation = engine.conversations().find(conversationId, authentication.getName())
                .orElseThrow(() -> new CatalogException(ErrorCode.CONVERSATION_NOT_FOUND, "Unknown conversation '" + conversationId
                        + "': feedback is taken while the conversation is kept (" + engine.conversations().idleExpiry().toMinutes()
                        + " minutes after its last question), from the user who asked"));
        List<ConversationStore.Turn> turns = conversation.turns();
        if (turns.isEmpty()) {
            throw CatalogException.invalid("turn", "the conversation has no question yet");
        }
        ConversationStore.Turn turn;
        if (body.hasNonNull("turn")) {
            if (!body.get("turn").isInt()) {
                throw CatalogException.invalid("turn", "must be a whole number");
            }
            int number = body.get("turn").asInt();
            turn = conversation.turn(number).orElseThrow(() -> CatalogException.invalid("turn",
                    "no turn " + number + " in this conversation; its turns are " + turns.get(0).number() + " to "
                            + turns.get(turns.size() - 1).number()));
        } else {
            turn = turns.get(turns.size() - 1);
        }
        String verdict = text(body, "verdict");
        if (!"correct".equals(verdict) && !"incorrect".equals(verdict)) {
            throw CatalogException.invalid("verdict", "must be correct or incorrect");
        }
        MetricQuery corrected = null;
        if (body.hasNonNull("corrected")) {
            try {
                corrected = QueryJson.fromJson(body.get("corrected"));
            } catch (CatalogException e) {
                throw e;
            } catch (RuntimeException e) {
                throw CatalogException.invalid("corrected", e.getMessage());
            }
            try {
                engine.runner(engine.caller(authentication)).validate(corrected);
            } catch (CatalogException e) {
                throw CatalogException.invalid("corrected", "is not a valid metric query: " + e.getMessage());
            }
        }
        if ("incorrect".equals(verdict) && corrected == null) {
            throw CatalogException.invalid("corrected", "is required when the verdict is incorrect: give the right metric query");
        }
        if ("correct".equals(verdict) && corrected != null) {
            throw CatalogException.invalid("corrected", "is only taken with the verdict incorrect");
        }
        String comment = text(body, "comment");
        if (comment != null && comment.length() > 2000) {
            throw CatalogException.invalid("comment", "is longer than 2000 characters");
        }
        Feedback feedback = new Feedback(UUID.randomUUID().toString(), Instant.now(clock), authentication.getName(),
                conversation.id(), turn.number(), turn.question(), turn.interpretation(), "correct".equals(verdict), corrected, comment);
        engine.feedback().record(feedback);
        return HttpResponse.created(render(feedback).toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @Get(value = "/feedback", produces = MediaType.APPLICATION_JSON)
    @Secured(Roles.STEWARD)
    @Operation(summary = "The latest feedback on interpretations, newest first, for review")
    @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = AskDocs.FeedbackDoc.class))))
    public HttpResponse<String> feedbackList(@Nullable @QueryValue Integer size) {
        int limit = size == null ? 50 : size;
        if (limit < 1 || limit > 1000) {
            throw CatalogException.invalid("size", "must be between 1 and 1000");
        }
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        engine.feedback().recent(limit).forEach(f -> items.add(render(f)));
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.set("items", items);
        page.put("size", limit);
        return HttpResponse.ok(page.toString()).contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    static ObjectNode render(AskAnswer answer) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("conversationId", answer.conversationId());
        node.put("turn", answer.turn());
        if (answer.interpretation() != null) {
            node.set("interpretation", QueryJson.toJson(answer.interpretation()));
        } else {
            node.putNull("interpretation");
        }
        node.put("explanation", answer.explanation());
        if (answer.sql() != null) {
            node.put("sql", answer.sql());
        } else {
            node.putNull("sql");
        }
        ArrayNode columns = node.putArray("columns");
        for (ResultColumn column : answer.columns()) {
            columns.addObject().put("name", column.name()).put("type", column.type().value());
        }
        ArrayNode rows = node.putArray("rows");
        for (List<Object> row : answer.rows()) {
            ArrayNode out = rows.addArray();
            for (Object value : row) {
                cell(out, value);
            }
        }
        node.put("truncated", answer.truncated());
        if (answer.chart() != null) {
            ObjectNode chart = node.putObject("chart");
            chart.put("type", answer.chart().type());
            if (answer.chart().x() != null) {
                chart.put("x", answer.chart().x());
            }
            ArrayNode y = chart.putArray("y");
            answer.chart().y().forEach(y::add);
            if (answer.chart().series() != null) {
                chart.put("series", answer.chart().series());
            }
        } else {
            node.putNull("chart");
        }
        if (answer.clarification() != null) {
            ObjectNode clarification = node.putObject("clarification");
            clarification.put("question", answer.clarification().question());
            ArrayNode options = clarification.putArray("options");
            answer.clarification().options().forEach(o -> options.add(QueryJson.toJson(o)));
            ArrayNode labels = clarification.putArray("labels");
            answer.clarification().labels().forEach(labels::add);
        } else {
            node.putNull("clarification");
        }
        node.put("status", answer.status());
        node.put("language", answer.language());
        node.put("parser", answer.parser());
        ArrayNode intents = node.putArray("intents");
        answer.intents().forEach(intents::add);
        return node;
    }

    private static void cell(ArrayNode out, Object value) {
        if (value == null) {
            out.addNull();
        } else if (value instanceof BigDecimal decimal) {
            out.add(decimal);
        } else if (value instanceof Long number) {
            out.add(number);
        } else if (value instanceof Integer number) {
            out.add(number);
        } else if (value instanceof Double number) {
            out.add(number);
        } else if (value instanceof Number number) {
            out.add(new BigDecimal(number.toString()));
        } else if (value instanceof Boolean bool) {
            out.add(bool);
        } else {
            out.add(value.toString());
        }
    }

    static ObjectNode render(Feedback feedback) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", feedback.id());
        node.put("at", feedback.at().toString());
        node.put("user", feedback.user());
        node.put("conversationId", feedback.conversationId());
        node.put("turn", feedback.turn());
        node.put("question", feedback.question());
        if (feedback.interpretation() != null) {
            node.set("interpretation", QueryJson.toJson(feedback.interpretation()));
        }
        node.put("verdict", feedback.correct() ? "correct" : "incorrect");
        if (feedback.corrected() != null) {
            node.set("corrected", QueryJson.toJson(feedback.corrected()));
        }
        if (feedback.comment() != null) {
            node.put("comment", feedback.comment());
        }
        return node;
    }

    private static ObjectNode object(String json, Set<String> known) {
        if (json == null || json.isBlank()) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST, "The request needs a JSON object body");
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST, "Malformed JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST, "The body must be a JSON object ({...})");
        }
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!known.contains(field)) {
                throw CatalogException.invalid(field, "unknown field; known fields: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return (ObjectNode) node;
    }

    private static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw CatalogException.invalid(field, "must be a string");
        }
        return value.asText();
    }
}
