package io.zhongtai.nl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.nl.testing.DemoNl;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Result accuracy on the demo warehouse (DuckDB, scale 0.05): each answer's rows against the
 * expected query's rows, both run through the metrics engine. A clarification or "cannot" counts
 * when that is what was expected.
 */
class ResultAccuracyIT {
    @Test
    void answersHaveTheRowsOfTheExpectedQueries() {
        DemoNl demo = DemoNl.get();
        List<Evaluation.Outcome> outcomes = Evaluation.run(demo.parser(), EvalCase.load(), demo.runner);
        System.out.println(Evaluation.report(outcomes));
        assertThat(Evaluation.resultAccuracy(outcomes, "en")).isGreaterThanOrEqualTo(0.99);
        assertThat(Evaluation.resultAccuracy(outcomes, "zh")).isGreaterThanOrEqualTo(0.99);
        // every expected query of the set is itself valid and runs
        for (EvalCase evalCase : EvalCase.load()) {
            if (evalCase.expected() != null) {
                demo.runner.run(evalCase.expected());
            }
        }
        for (EvalCase evalCase : EvalCase.heldOut()) {
            if (evalCase.expected() != null) {
                demo.runner.run(evalCase.expected());
            }
        }
    }
}
