package io.zhongtai.nl.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.nl.Interpretation;
import io.zhongtai.nl.ParseRequest;
import io.zhongtai.nl.QueryJson;
import io.zhongtai.nl.feedback.Feedback;
import io.zhongtai.nl.parse.DeterministicParser;
import io.zhongtai.nl.testing.DemoNl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The LLM parser against the providers' documented wire formats, served by a small local HTTP
 * server (the JDK's): OpenAI chat completions ({@code POST /v1/chat/completions}) and Ollama
 * ({@code POST /api/chat}). No real LLM runs here.
 */
class LlmParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Starts a server answering each request body with the function's (status, body). */
    private String serve(String path, Function<String, Object[]> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(body);
            Object[] response = answer.apply(body);
            byte[] bytes = ((String) response[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders((Integer) response[0], bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static String openAiCompletion(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1_700_000_000).put("model", "test-model");
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", 10).put("total_tokens", 20);
        return root.toString();
    }

    private static String ollamaChat(String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", "test-model").put("created_at", "2026-01-01T00:00:00Z").put("done", true).put("done_reason", "stop");
        root.putObject("message").put("role", "assistant").put("content", content);
        root.put("total_duration", 1).put("prompt_eval_count", 10).put("eval_count", 10);
        return root.toString();
    }

    private static LlmParser parser(LlmSettings settings, List<Feedback> feedback) {
        DemoNl demo = DemoNl.get();
        return new LlmParser(ChatModels.create(settings), demo.lexicon, demo.parser(), settings.timeout(), () -> feedback);
    }

    private static final String EAST_ONLINE_AOV = "{\"metrics\":[\"avg_order_value\"],\"filters\":[{\"dimension\":\"region\",\"values\":[\"East\"]},"
            + "{\"dimension\":\"channel\",\"values\":[\"online\"]}],\"startDate\":\"2025-12-01\",\"endDate\":\"2025-12-31\"}";

    @Test
    void openAiCompatibleAnswerBecomesAValidatedQuery() throws IOException {
        String url = serve("/v1/chat/completions", body -> new Object[] {200, openAiCompletion(EAST_ONLINE_AOV)});
        LlmParser parser = parser(new LlmSettings("openai", url + "/v1", "test-model", "test-key", Duration.ofSeconds(10)), List.of());

        Interpretation result = parser.parse(ParseRequest.of("上个月华东地区线上渠道的客单价是多少？", AS_OF));

        assertThat(result).isInstanceOf(Interpretation.Answer.class);
        MetricQuery query = ((Interpretation.Answer) result).query();
        assertThat(query.metrics()).containsExactly("avg_order_value");
        assertThat(query.filters()).containsExactly("region = 'East'", "channel = 'online'");
        assertThat(query.timeRange().start()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(query.timeRange().end()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(requests).hasSize(1);
        // the prompt carries the catalog, the question and asOf
        assertThat(requests.get(0)).contains("avg_order_value").contains("客单价").contains("华东").contains("2026-01-01")
                .contains("test-model");
    }

    @Test
    void ollamaAnswerBecomesAValidatedQuery() throws IOException {
        String url = serve("/api/chat", body -> new Object[] {200, ollamaChat(
                "{\"metrics\":[\"gmv\"],\"dimensions\":[\"region\"],\"startDate\":\"2025-01-01\",\"endDate\":\"2025-12-31\"}")});
        LlmParser parser = parser(new LlmSettings("ollama", url, "test-model", null, Duration.ofSeconds(10)), List.of());

        Interpretation result = parser.parse(ParseRequest.of("GMV by region last year", AS_OF));

        MetricQuery query = ((Interpretation.Answer) result).query();
        assertThat(query.metrics()).containsExactly("gmv");
        assertThat(query.dimensions()).containsExactly("region");
        assertThat(requests.get(0)).contains("GMV by region last year");
    }

    @Test
    void namesTheCatalogDoesNotHaveFallBackToTheDeterministicParser() throws IOException {
        String url = serve("/v1/chat/completions", body -> new Object[] {200, openAiCompletion(
                "{\"metrics\":[\"profit_after_tax\"],\"filters\":[{\"dimension\":\"region\",\"values\":[\"Mars\"]}]}")});
        LlmParser parser = parser(new LlmSettings("openai", url + "/v1", "test-model", "k", Duration.ofSeconds(10)), List.of());
        DeterministicParser deterministic = DemoNl.get().parser();
        ParseRequest request = ParseRequest.of("GMV in the East region last month", AS_OF);

        Interpretation result = parser.parse(request);

        assertThat(QueryJson.write(((Interpretation.Answer) result).query()))
                .isEqualTo(QueryJson.write(((Interpretation.Answer) deterministic.parse(request)).query()));
    }

    @Test
    void valuesInFiltersMustBeKnownValues() throws IOException {
        String url = serve("/v1/chat/completions", body -> new Object[] {200, openAiCompletion(
                "{\"metrics\":[\"gmv\"],\"filters\":[{\"dimension\":\"region\",\"values\":[\"East' OR '1'='1\"]}]}")});
        LlmParser parser = parser(new LlmSettings("openai", url + "/v1", "test-model", "k", Duration.ofSeconds(10)), List.of());

        Interpretation result = parser.parse(ParseRequest.of("GMV in the East region last month", AS_OF));

        assertThat(((Interpretation.Answer) result).query().filters()).containsExactly("region = 'East'");
    }

    @Test
    void serverErrorsAndTimeoutsFallBackToTheDeterministicParser() throws IOException {
        String url = serve("/v1/chat/completions", body -> {
            if (requests.size() == 1) {
                return new Object[] {500, "{\"error\":{\"message\":\"overloaded\"}}"};
            }
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Object[] {200, openAiCompletion(EAST_ONLINE_AOV)};
        });
        LlmParser parser = parser(new LlmSettings("openai", url + "/v1", "test-model", "k", Duration.ofMillis(500)), List.of());
        ParseRequest request = ParseRequest.of("orders by channel in 2025", AS_OF);

        Interpretation afterError = parser.parse(request);
        Interpretation afterTimeout = parser.parse(request);

        assertThat(((Interpretation.Answer) afterError).query().dimensions()).containsExactly("channel");
        assertThat(((Interpretation.Answer) afterTimeout).query().metrics()).containsExactly("order_count");
        assertThat(requests).hasSize(2);
    }

    @Test
    void correctedPairsFromFeedbackAreExamplesInThePrompt() throws IOException {
        String url = serve("/v1/chat/completions", body -> new Object[] {200, openAiCompletion(EAST_ONLINE_AOV)});
        MetricQuery corrected = MetricQuery.builder().metrics("units_sold").filters("category = 'Electronics'").build();
        Feedback correction = new Feedback("f1", Instant.parse("2026-01-01T00:00:00Z"), "alice", "c1", 1,
                "电子产品卖了多少件", null, false, corrected, "units, not amount");
        LlmParser parser = parser(new LlmSettings("openai", url + "/v1", "test-model", "k", Duration.ofSeconds(10)), List.of(correction));

        parser.parse(ParseRequest.of("上个月华东地区线上渠道的客单价是多少？", AS_OF));

        assertThat(requests.get(0)).contains("电子产品卖了多少件").contains("units_sold");
    }
}
