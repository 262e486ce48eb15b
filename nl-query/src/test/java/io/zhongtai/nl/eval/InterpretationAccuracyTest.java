package io.zhongtai.nl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.nl.testing.DemoNl;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The deterministic parser (names only, no embeddings) over the whole evaluation set: exact
 * interpretation accuracy per language. The threshold is what the parser reaches today, rounded
 * down, so that a regression fails; BENCHMARKS.md has the full figures and the misses.
 */
class InterpretationAccuracyTest {
    @Test
    void deterministicParserReadsMostQuestionsExactlyInBothLanguages() {
        List<EvalCase> cases = EvalCase.load();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
        assertThat(cases.stream().filter(c -> c.language().equals("en")).count())
                .isEqualTo(cases.stream().filter(c -> c.language().equals("zh")).count());
        List<Evaluation.Outcome> outcomes = Evaluation.run(DemoNl.get().parser(), cases, null);
        System.out.println(Evaluation.report(outcomes));
        assertThat(Evaluation.accuracy(outcomes, "en")).isGreaterThanOrEqualTo(0.99);
        assertThat(Evaluation.accuracy(outcomes, "zh")).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void heldOutQuestionsAreReadWithoutHavingBeenTunedOn() {
        List<EvalCase> cases = EvalCase.heldOut();
        List<Evaluation.Outcome> outcomes = Evaluation.run(DemoNl.get().parser(), cases, null);
        System.out.println("HELD-OUT\n" + Evaluation.report(outcomes));
        // the second held-out set, run once on 2026-11-22: 93.8% English, 90.6% Chinese
        assertThat(Evaluation.accuracy(outcomes, "en")).isGreaterThanOrEqualTo(0.93);
        assertThat(Evaluation.accuracy(outcomes, "zh")).isGreaterThanOrEqualTo(0.90);
    }
}
