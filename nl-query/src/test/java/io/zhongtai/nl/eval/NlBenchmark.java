package io.zhongtai.nl.eval;

import io.zhongtai.nl.ParseRequest;
import io.zhongtai.nl.QuestionParser;
import io.zhongtai.nl.parse.DeterministicParser;
import io.zhongtai.nl.testing.DemoNl;
import io.zhongtai.nl.testing.Models;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Deterministic parser benchmark: latency per question after warm-up (p50, p95, max over every
 * timed parse of every question of both evaluation sets) and accuracy (exact interpretation and
 * result accuracy on the demo warehouse), with names only and with the embedding models.
 * Prints a block for BENCHMARKS.md. Run by {@code bench/nl/run.sh}.
 *
 * <p>Arguments: warm-up passes (default 20), timed passes (default 20).
 */
public final class NlBenchmark {
    private NlBenchmark() {}

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        DemoNl demo = DemoNl.get();
        List<EvalCase> development = EvalCase.load();
        List<EvalCase> heldOut = EvalCase.heldOut();
        List<EvalCase> all = new ArrayList<>(development);
        all.addAll(heldOut);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Demo warehouse: DuckDB, scale %s, seed 42. %d development + %d held-out questions.%n%n",
                DemoNl.SCALE, development.size(), heldOut.size()));
        DeterministicParser namesOnly = demo.parser();
        out.append("### Names only (no embedding models)\n\n").append(latency(namesOnly, all, warmup, passes)).append('\n');
        out.append("Development set:\n\n").append(summary(Evaluation.run(namesOnly, development, demo.runner))).append('\n');
        out.append("Held-out set:\n\n").append(summary(Evaluation.run(namesOnly, heldOut, demo.runner))).append('\n');
        long load = System.nanoTime();
        DeterministicParser withModels = demo.parser(Models.linker());
        out.append(String.format(Locale.ROOT, "### With the embedding models (loaded in %.1f s)%n%n", (System.nanoTime() - load) / 1e9));
        out.append(latency(withModels, all, warmup, passes)).append('\n');
        out.append("Development set:\n\n").append(summary(Evaluation.run(withModels, development, demo.runner))).append('\n');
        out.append("Held-out set:\n\n").append(summary(Evaluation.run(withModels, heldOut, demo.runner))).append('\n');
        System.out.println(out);
        System.out.println("Full report, names only, development set:\n\n" + Evaluation.report(Evaluation.run(namesOnly, development, demo.runner)));
        System.out.println("Full report, names only, held-out set:\n\n" + Evaluation.report(Evaluation.run(namesOnly, heldOut, demo.runner)));
        System.exit(0);
    }

    private static String latency(QuestionParser parser, List<EvalCase> cases, int warmup, int passes) {
        for (int i = 0; i < warmup; i++) {
            for (EvalCase evalCase : cases) {
                Evaluation.parse(parser, evalCase);
            }
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < passes; i++) {
            for (EvalCase evalCase : cases) {
                // context questions are parsed first, but only the question itself is timed
                io.zhongtai.metrics.query.MetricQuery previous = null;
                for (String earlier : evalCase.context()) {
                    var context = parser.parse(new ParseRequest(earlier, evalCase.asOf(), previous, null));
                    previous = context instanceof io.zhongtai.nl.Interpretation.Answer answer ? answer.query() : previous;
                }
                long start = System.nanoTime();
                parser.parse(new ParseRequest(evalCase.question(), evalCase.asOf(), previous, null));
                nanos.add(System.nanoTime() - start);
            }
        }
        Collections.sort(nanos);
        return String.format(Locale.ROOT, "Latency per question after %d warm-up passes, %d timed parses: p50 %.2f ms, p95 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms%n", warmup, nanos.size(), ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                nanos.get(nanos.size() - 1) / 1e6);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }

    private static String summary(List<Evaluation.Outcome> outcomes) {
        StringBuilder out = new StringBuilder("| language | questions | exact interpretation | same rows |\n| --- | --- | --- | --- |\n");
        for (String language : new String[] {"en", "zh", null}) {
            List<Evaluation.Outcome> selected = outcomes.stream()
                    .filter(o -> language == null || o.evalCase().language().equals(language)).toList();
            long exact = selected.stream().filter(Evaluation.Outcome::exact).count();
            long same = selected.stream().filter(o -> Boolean.TRUE.equals(o.sameRows())).count();
            out.append("| ").append(language == null ? "both" : language).append(" | ").append(selected.size()).append(" | ")
                    .append(Evaluation.percent(exact, selected.size())).append(" | ").append(Evaluation.percent(same, selected.size()))
                    .append(" |\n");
        }
        return out.toString();
    }
}
