package io.zhongtai.service.ask;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.metrics.query.Caller;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.nl.QueryJson;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.service.TestingZhongtai.Response;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/ask} over real HTTP on the running service with the demo warehouse (scale 0.05). */
class AskIT {
    private final TestingZhongtai zhongtai = TestingZhongtai.get();

    private Response ask(String token, Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return zhongtai.send("POST", "/api/v1/ask", token, body);
    }

    @Test
    void chineseQuestionIsAnsweredWithTheNumberTheMetricsEngineGives() {
        String analyst = zhongtai.tokenFor("ask-analyst", "analyst");
        Response response = ask(analyst, "question", "上个月华东地区线上渠道的客单价是多少？");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("status").asText()).isEqualTo("answered");
        JsonNode interpretation = answer.get("interpretation");
        assertThat(interpretation.get("metrics").get(0).asText()).isEqualTo("avg_order_value");
        assertThat(interpretation.get("filters").toString()).contains("region = 'East'").contains("channel = 'online'");
        // asOf defaults to 2026-01-01 on the demo warehouse: last month is December 2025
        assertThat(interpretation.get("timeRange").get("start").asText()).isEqualTo("2025-12-01");
        assertThat(interpretation.get("timeRange").get("end").asText()).isEqualTo("2025-12-31");
        assertThat(answer.get("explanation").asText()).contains("客单价").contains("华东");
        assertThat(answer.get("sql").asText()).containsIgnoringCase("select");
        assertThat(answer.get("chart").get("type").asText()).isEqualTo("number");
        assertThat(answer.has("clarification")).isTrue();
        assertThat(answer.get("clarification").isNull()).isTrue();
        assertThat(answer.get("rows")).hasSize(1);
        QueryResult direct = zhongtai.bean(QuestionEngine.class).runner(Caller.system()).run(QueryJson.fromJson(interpretation));
        assertThat(answer.get("rows").get(0).get(0).decimalValue())
                .isEqualByComparingTo(new BigDecimal(direct.rows().get(0).get(0).toString()));
        assertThat(answer.get("rows").get(0).get(0).decimalValue()).isPositive();
    }

    @Test
    void followUpsKeepTheConversationsContext() {
        String analyst = zhongtai.tokenFor("ask-analyst", "analyst");
        JsonNode first = ask(analyst, "question", "上个月的销售额").json();
        String conversation = first.get("conversationId").asText();

        JsonNode second = ask(analyst, "question", "那去年呢？", "conversationId", conversation).json();
        JsonNode third = ask(analyst, "question", "and by month?", "conversationId", conversation).json();

        assertThat(second.get("conversationId").asText()).isEqualTo(conversation);
        assertThat(second.get("turn").asInt()).isEqualTo(2);
        assertThat(second.get("interpretation").get("metrics").get(0).asText()).isEqualTo("gmv");
        assertThat(second.get("interpretation").get("timeRange").get("start").asText()).isEqualTo("2025-01-01");
        assertThat(second.get("interpretation").get("timeRange").get("end").asText()).isEqualTo("2025-12-31");
        assertThat(third.get("interpretation").get("grain").asText()).isEqualTo("month");
        assertThat(third.get("chart").get("type").asText()).isEqualTo("line");
        assertThat(third.get("rows")).hasSize(12);
        assertThat(third.get("explanation").asText()).contains("GMV by month");
    }

    @Test
    void topNIsABarChartExplainedInEnglish() {
        String analyst = zhongtai.tokenFor("ask-analyst", "analyst");
        JsonNode answer = ask(analyst, "question", "top 5 categories by gross margin in Q3 2025").json();

        assertThat(answer.get("interpretation").get("limit").asInt()).isEqualTo(5);
        assertThat(answer.get("rows")).hasSize(5);
        assertThat(answer.get("chart").get("type").asText()).isEqualTo("bar");
        assertThat(answer.get("chart").get("x").asText()).isEqualTo("category");
        assertThat(answer.get("language").asText()).isEqualTo("en");
        assertThat(answer.get("explanation").asText()).startsWith("Gross margin by category");
        double first = answer.get("rows").get(0).get(1).asDouble();
        double last = answer.get("rows").get(4).get(1).asDouble();
        assertThat(first).isGreaterThanOrEqualTo(last);
    }

    @Test
    void anAmbiguousWordGetsAClarifyingQuestionWithRunnableOptions() {
        String analyst = zhongtai.tokenFor("ask-analyst", "analyst");
        JsonNode answer = ask(analyst, "question", "门店销售额").json();

        assertThat(answer.get("status").asText()).isEqualTo("clarification");
        assertThat(answer.get("rows")).isEmpty();
        JsonNode options = answer.get("clarification").get("options");
        assertThat(options).hasSize(2);
        for (JsonNode option : options) {
            assertThat(zhongtai.bean(QuestionEngine.class).runner(Caller.system()).run(QueryJson.fromJson(option)).rows()).isNotEmpty();
        }
    }

    @Test
    void aDimensionTheMetricCannotReachIsRefusedTruthfully() {
        String analyst = zhongtai.tokenFor("ask-analyst", "analyst");
        JsonNode answer = ask(analyst, "question", "average rating by category").json();

        assertThat(answer.get("status").asText()).isEqualTo("cannot");
        assertThat(answer.get("rows")).isEmpty();
        assertThat(answer.get("sql").isNull()).isTrue();
        assertThat(answer.get("explanation").asText()).contains("cannot be broken down").contains("category");
        assertThat(answer.get("clarification").get("options").size()).isGreaterThan(0);
    }

    @Test
    void viewersMayNotAskAndBadInputIsAProblem() {
        String viewer = zhongtai.tokenFor("ask-viewer", "viewer");
        String analyst = zhongtai.tokenFor("ask-analyst", "analyst");

        assertThat(ask(null, "question", "GMV").status()).isEqualTo(401);
        assertThat(ask(viewer, "question", "GMV").status()).isEqualTo(403);
        Response missing = ask(analyst, "conversationId", "x");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.json().get("detail").asText()).contains("question");
        Response unknownField = ask(analyst, "question", "GMV", "metric", "gmv");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("detail").asText()).contains("metric");
        Response badDate = ask(analyst, "question", "GMV", "asOf", "yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("detail").asText()).contains("asOf");
    }

    @Test
    void anUnknownConversationIsANotFoundProblem() {
        String analyst = zhongtai.tokenFor("ask-analyst", "analyst");
        String other = zhongtai.tokenFor("ask-other", "analyst");

        Response unknown = ask(analyst, "question", "GMV", "conversationId", "no-such-conversation");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.json().get("status").asInt()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).endsWith("conversation-not-found");
        assertThat(unknown.json().get("title").asText()).isNotBlank();
        assertThat(unknown.json().get("detail").asText()).contains("no-such-conversation");
        // a conversation belongs to the user who started it
        String mine = ask(analyst, "question", "GMV last month").json().get("conversationId").asText();
        Response someoneElses = ask(other, "question", "and by region?", "conversationId", mine);
        assertThat(someoneElses.status()).isEqualTo(404);
        assertThat(someoneElses.isProblem()).isTrue();
        Response feedback = zhongtai.send("POST", "/api/v1/ask/no-such-conversation/feedback", analyst, Map.of("verdict", "correct"));
        assertThat(feedback.status()).isEqualTo(404);
        assertThat(feedback.isProblem()).isTrue();
        assertThat(feedback.json().get("detail").asText()).contains("no-such-conversation");
    }

    @Test
    void aMetricCreatedThroughTheApiIsAskableRightAwayAndItsChangesToo() {
        String analyst = zhongtai.tokenFor("ask-author", "analyst");
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", "ask_online_takings");
        definition.put("type", "simple");
        definition.put("measure", "revenue");
        definition.put("filter", "order_status = 'paid' AND channel = 'online'");
        definition.put("label", Map.of("en", "Online takings", "zh", "线上进账"));
        definition.put("synonyms", java.util.List.of("web till", "网店流水"));
        Response created = zhongtai.send("POST", "/api/v1/metrics", analyst, definition);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        JsonNode english = ask(analyst, "question", "web till by region in 2025").json();
        assertThat(english.get("status").asText()).as(english.toString()).isEqualTo("answered");
        assertThat(english.get("interpretation").get("metrics").get(0).asText()).isEqualTo("ask_online_takings");
        assertThat(english.get("interpretation").get("dimensions").get(0).asText()).isEqualTo("region");
        Map<String, Object> direct = Map.of("metrics", java.util.List.of("ask_online_takings"), "dimensions",
                java.util.List.of("region"), "timeRange", Map.of("start", "2025-01-01", "end", "2025-12-31"));
        JsonNode expected = zhongtai.send("POST", "/api/v1/metrics/query", analyst, direct).json();
        assertThat(english.get("rows")).hasSize(6);
        assertThat(rowsByKey(english.get("rows"))).isEqualTo(rowsByKey(expected.get("rows")));
        // online takings are a part of GMV: the definition asked is the one stored, not another metric's
        JsonNode gmv = zhongtai.send("POST", "/api/v1/metrics/query", analyst, Map.of("metrics", java.util.List.of("gmv"),
                "dimensions", java.util.List.of("region"), "timeRange", Map.of("start", "2025-01-01", "end", "2025-12-31"))).json();
        Map<String, BigDecimal> all = rowsByKey(gmv.get("rows"));
        rowsByKey(english.get("rows")).forEach((region, value) -> assertThat(value).isPositive().isLessThan(all.get(region)));

        JsonNode chinese = ask(analyst, "question", "2025年网店流水是多少").json();
        assertThat(chinese.get("interpretation").get("metrics").get(0).asText()).isEqualTo("ask_online_takings");
        assertThat(chinese.get("rows")).hasSize(1);
        BigDecimal total = rowsByKey(expected.get("rows")).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(chinese.get("rows").get(0).get(0).decimalValue()).isEqualByComparingTo(total);

        // a changed definition with a new synonym is askable by it right after the change
        definition.put("synonyms", java.util.List.of("web till", "网店流水", "ecommerce intake"));
        definition.put("reason", "another name the shop team uses");
        Response changed = zhongtai.send("PUT", "/api/v1/metrics/ask_online_takings", analyst, definition);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        JsonNode renamed = ask(analyst, "question", "ecommerce intake in 2025").json();
        assertThat(renamed.get("interpretation").get("metrics").get(0).asText()).as(renamed.toString())
                .isEqualTo("ask_online_takings");
        assertThat(renamed.get("rows").get(0).get(0).decimalValue()).isEqualByComparingTo(total);
    }

    @Test
    void theCallersPoliciesApplyToAnswers() {
        String admin = zhongtai.adminToken();
        zhongtai.tokenFor("ask-north", "analyst");
        assertThat(zhongtai.send("POST", "/api/v1/groups", admin, Map.of("name", "ask-north-sales",
                "members", java.util.List.of("ask-north"))).status()).isIn(201, 409);
        Response policy = zhongtai.send("POST", "/api/v1/metrics/definitions", admin, Map.of("policies", java.util.List.of(Map.of(
                "name", "ask-north-only", "subject", "group:ask-north-sales",
                "row_filters", java.util.List.of("region = 'North'")))));
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        String north = zhongtai.login("ask-north", "password-of-ask-north");

        JsonNode restricted = ask(north, "question", "GMV by region in 2025").json();
        JsonNode everyone = ask(zhongtai.tokenFor("ask-analyst", "analyst"), "question", "GMV by region in 2025").json();

        assertThat(restricted.get("rows")).extracting(r -> r.get(0).asText()).containsExactly("North");
        assertThat(everyone.get("rows")).hasSize(6);
        assertThat(restricted.get("rows").get(0).get(1).decimalValue())
                .isEqualByComparingTo(rowsByKey(everyone.get("rows")).get("North"));
    }

    private static Map<String, BigDecimal> rowsByKey(JsonNode rows) {
        Map<String, BigDecimal> out = new java.util.TreeMap<>();
        rows.forEach(r -> out.put(r.get(0).asText(), r.get(1).decimalValue()));
        return out;
    }

    @Test
    void asOfMovesRelativeDates() {
        String analyst = zhongtai.tokenFor("ask-analyst", "analyst");
        JsonNode answer = ask(analyst, "question", "orders yesterday", "asOf", "2025-06-18").json();

        assertThat(answer.get("interpretation").get("timeRange").get("start").asText()).isEqualTo("2025-06-17");
        assertThat(answer.get("interpretation").get("timeRange").get("end").asText()).isEqualTo("2025-06-17");
    }

    @Test
    void feedbackIsStoredDurablyAndListedForStewards() throws Exception {
        String analyst = zhongtai.tokenFor("ask-feedback", "analyst");
        String steward = zhongtai.tokenFor("ask-steward", "steward");
        JsonNode answer = ask(analyst, "question", "上季度电子产品卖了多少件").json();
        String conversation = answer.get("conversationId").asText();
        String path = "/api/v1/ask/" + conversation + "/feedback";

        Response withoutCorrection = zhongtai.send("POST", path, analyst, Map.of("verdict", "incorrect"));
        assertThat(withoutCorrection.status()).isEqualTo(400);
        assertThat(withoutCorrection.json().get("detail").asText()).contains("corrected");
        Response invalidCorrection = zhongtai.send("POST", path, analyst,
                Map.of("verdict", "incorrect", "corrected", Map.of("metrics", java.util.List.of("no_such_metric"))));
        assertThat(invalidCorrection.status()).isEqualTo(400);
        assertThat(invalidCorrection.json().get("detail").asText()).contains("no_such_metric");
        Map<String, Object> corrected = Map.of("metrics", java.util.List.of("units_sold"),
                "filters", java.util.List.of("category = 'Electronics'"),
                "timeRange", Map.of("start", "2025-10-01", "end", "2025-12-31"));
        Response stored = zhongtai.send("POST", path, analyst, Map.of("verdict", "incorrect", "corrected", corrected, "comment", "件 means units"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(stored.json().get("turn").asInt()).isEqualTo(1);
        assertThat(stored.json().get("question").asText()).isEqualTo("上季度电子产品卖了多少件");

        Path file = zhongtai.home().resolve("nl").resolve("feedback.jsonl");
        assertThat(Files.readString(file)).contains("上季度电子产品卖了多少件").contains("units_sold");
        assertThat(zhongtai.send("GET", "/api/v1/ask/feedback", analyst, null).status()).isEqualTo(403);
        JsonNode listed = zhongtai.send("GET", "/api/v1/ask/feedback", steward, null).json();
        assertThat(listed.get("items").get(0).get("corrected").get("metrics").get(0).asText()).isEqualTo("units_sold");
        // another user cannot leave feedback on this conversation
        assertThat(zhongtai.send("POST", path, steward, Map.of("verdict", "correct")).status()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesAsk() {
        Response document = zhongtai.send("GET", "/openapi.yml", null, null);
        assertThat(document.body()).contains("/api/v1/ask:").contains("/api/v1/ask/{conversationId}/feedback").contains("AskResponse");
    }
}
