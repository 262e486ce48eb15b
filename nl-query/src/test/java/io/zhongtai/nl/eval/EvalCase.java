package io.zhongtai.nl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.nl.QueryJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One question of the evaluation set ({@code eval/questions.json}) with what a correct reading is.
 *
 * @param kind answer, clarification or cannot
 * @param expected for an answer, the expected metric query
 * @param context questions asked before in the same conversation
 */
record EvalCase(String id, String language, String question, LocalDate asOf, List<String> intents, String timeFamily,
        String kind, MetricQuery expected, List<String> context) {
    static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 1, 1);

    /** The development set, {@code eval/questions.json}. */
    static List<EvalCase> load() {
        return load("/eval/questions.json");
    }

    /** The held-out set, written after tuning and never tuned on. */
    static List<EvalCase> heldOut() {
        return load("/eval/heldout.json");
    }

    static List<EvalCase> load(String resource) {
        try (InputStream in = EvalCase.class.getResourceAsStream(resource)) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<EvalCase> cases = new ArrayList<>();
            for (JsonNode node : root.get("cases")) {
                List<String> intents = new ArrayList<>();
                node.get("intents").forEach(i -> intents.add(i.asText()));
                List<String> context = new ArrayList<>();
                if (node.has("context")) {
                    node.get("context").forEach(c -> context.add(c.asText()));
                }
                JsonNode expect = node.get("expect");
                cases.add(new EvalCase(node.get("id").asText(), node.get("lang").asText(), node.get("question").asText(),
                        node.has("asOf") ? LocalDate.parse(node.get("asOf").asText()) : DEFAULT_AS_OF, intents,
                        node.get("time").asText(), expect.get("kind").asText(),
                        expect.has("query") ? QueryJson.fromJson(expect.get("query")) : null, context));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
