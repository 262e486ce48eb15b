package io.zhongtai.nl;

import io.zhongtai.nl.parse.DeterministicParser;
import io.zhongtai.nl.testing.DemoNl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TryTest {
    @Test
    void tryQuestions() throws Exception {
        DeterministicParser parser = DemoNl.get().parser();
        Explainer explainer = new Explainer(DemoNl.get().catalog);
        List<String> questions = Files.readAllLines(Path.of(System.getProperty("questions", "/tmp/q.txt")));
        for (String q : questions) {
            if (q.isBlank()) continue;
            Interpretation i = parser.parse(ParseRequest.of(q, LocalDate.parse("2026-01-01")));
            String out;
            if (i instanceof Interpretation.Answer a) {
                out = "ANSWER " + QueryJson.write(a.query()) + "\n   " + explainer.describe(a.query(), a.language()) + " " + a.intents();
            } else if (i instanceof Interpretation.Clarification c) {
                out = "CLARIFY " + c.question() + " " + c.options().stream().map(o -> QueryJson.write(o.query())).toList();
            } else {
                Interpretation.Cannot c = (Interpretation.Cannot) i;
                out = "CANNOT " + c.reason() + " alts=" + c.alternatives().size();
            }
            System.out.println("Q: " + q + "\n   " + out);
        }
    }
}
