package io.zhongtai.nl.eval;

import io.zhongtai.metrics.model.Comparison;
import io.zhongtai.metrics.query.MetricQuery;
import io.zhongtai.metrics.query.OrderBy;
import io.zhongtai.metrics.query.QueryResult;
import io.zhongtai.nl.Interpretation;
import io.zhongtai.nl.ParseRequest;
import io.zhongtai.nl.QueryJson;
import io.zhongtai.nl.QuestionParser;
import io.zhongtai.nl.run.QueryRunner;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs a parser over the evaluation set and scores it: exact interpretation (the same kind of
 * answer and, for an answer, the same query up to the order of lists and the spelling of filters)
 * and, when a {@link QueryRunner} is given, result accuracy (the same rows as the expected query
 * on the warehouse, compared as multisets with numbers to 9 significant digits).
 */
final class Evaluation {
    record Outcome(EvalCase evalCase, String kind, MetricQuery actual, boolean exact, Boolean sameRows, String detail, long nanos) {}

    private Evaluation() {}

    static List<Outcome> run(QuestionParser parser, List<EvalCase> cases, QueryRunner runner) {
        List<Outcome> outcomes = new ArrayList<>();
        for (EvalCase evalCase : cases) {
            outcomes.add(runOne(parser, evalCase, runner));
        }
        return outcomes;
    }

    static Interpretation parse(QuestionParser parser, EvalCase evalCase) {
        MetricQuery previous = null;
        for (String earlier : evalCase.context()) {
            Interpretation context = parser.parse(new ParseRequest(earlier, evalCase.asOf(), previous, null));
            previous = context instanceof Interpretation.Answer answer ? answer.query() : previous;
        }
        return parser.parse(new ParseRequest(evalCase.question(), evalCase.asOf(), previous, null));
    }

    static Outcome runOne(QuestionParser parser, EvalCase evalCase, QueryRunner runner) {
        long start = System.nanoTime();
        Interpretation interpretation = parse(parser, evalCase);
        long nanos = System.nanoTime() - start;
        String kind = interpretation instanceof Interpretation.Answer ? "answer"
                : interpretation instanceof Interpretation.Clarification ? "clarification" : "cannot";
        MetricQuery actual = interpretation instanceof Interpretation.Answer answer ? answer.query() : null;
        boolean exact = kind.equals(evalCase.kind()) && (actual == null || normalize(actual).equals(normalize(evalCase.expected())));
        Boolean sameRows = null;
        String detail = actual != null ? QueryJson.write(actual) : kind;
        if (runner != null) {
            if (!kind.equals(evalCase.kind())) {
                sameRows = false;
            } else if (actual == null) {
                sameRows = true;
            } else if (exact) {
                sameRows = true;
            } else {
                try {
                    sameRows = rows(runner.run(evalCase.expected())).equals(rows(runner.run(actual)));
                } catch (RuntimeException e) {
                    sameRows = false;
                    detail += " [run failed: " + e.getMessage() + "]";
                }
            }
        }
        return new Outcome(evalCase, kind, actual, exact, sameRows, detail, nanos);
    }

    /** A query with lists that have no order sorted and filters in one spelling. */
    static Map<String, Object> normalize(MetricQuery query) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metrics", new TreeSet<>(query.metrics()));
        out.put("dimensions", new TreeSet<>(query.dimensions()));
        out.put("grain", query.grain());
        out.put("filters", query.filters().stream().map(Evaluation::filter).collect(Collectors.toCollection(TreeSet::new)));
        out.put("timeRange", query.timeRange());
        out.put("comparisons", new TreeSet<>(query.comparisons().stream().map(Comparison::value).toList()));
        out.put("orderBy", query.orderBy().stream().map(o -> o.field() + " " + o.direction().value()).toList());
        out.put("limit", query.limit());
        return out;
    }

    private static final Pattern FILTER = Pattern.compile("^(\\w+)\\s*(=|<>|!=|not in|in)\\s*\\(?(.*?)\\)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");

    private static String filter(String text) {
        Matcher matcher = FILTER.matcher(text.trim());
        if (!matcher.matches()) {
            return text.trim();
        }
        String operator = matcher.group(2).toLowerCase(Locale.ROOT);
        boolean negated = operator.equals("<>") || operator.equals("!=") || operator.equals("not in");
        Set<String> values = new TreeSet<>();
        Matcher quoted = QUOTED.matcher(matcher.group(3));
        while (quoted.find()) {
            values.add(quoted.group(1));
        }
        return matcher.group(1) + (negated ? " not in " : " in ") + values;
    }

    /** Rows as sorted strings: column names with their values, numbers to 9 significant digits. */
    static List<String> rows(QueryResult result) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : result.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                cells.add(result.columns().get(i).name() + "=" + cell(row.get(i)));
            }
            cells.sort(Comparator.naturalOrder());
            out.add(String.join(",", cells));
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private static String cell(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).round(new MathContext(9)).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(value);
    }

    /** Figures for BENCHMARKS.md: accuracy per language, intent and time family, and the misses. */
    static String report(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder();
        out.append("| group | questions | exact interpretation | same rows |\n| --- | --- | --- | --- |\n");
        line(out, "all", outcomes);
        for (String language : List.of("en", "zh")) {
            line(out, "language " + language, outcomes.stream().filter(o -> o.evalCase().language().equals(language)).toList());
        }
        Set<String> intents = new TreeSet<>();
        outcomes.forEach(o -> intents.addAll(o.evalCase().intents()));
        for (String intent : intents) {
            line(out, "intent " + intent, outcomes.stream().filter(o -> o.evalCase().intents().contains(intent)).toList());
        }
        Set<String> families = new TreeSet<>();
        outcomes.forEach(o -> families.add(o.evalCase().timeFamily()));
        for (String family : families) {
            line(out, "time " + family, outcomes.stream().filter(o -> o.evalCase().timeFamily().equals(family)).toList());
        }
        out.append("\nMisses (exact interpretation):\n\n");
        for (Outcome outcome : outcomes) {
            if (!outcome.exact()) {
                out.append("- ").append(outcome.evalCase().id()).append(" `").append(outcome.evalCase().question()).append("`: got ")
                        .append(outcome.detail()).append(", expected ")
                        .append(outcome.evalCase().expected() != null ? QueryJson.write(outcome.evalCase().expected()) : outcome.evalCase().kind())
                        .append(Boolean.TRUE.equals(outcome.sameRows()) ? " (same rows)" : "").append('\n');
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String group, List<Outcome> outcomes) {
        long exact = outcomes.stream().filter(Outcome::exact).count();
        long run = outcomes.stream().filter(o -> o.sameRows() != null).count();
        long same = outcomes.stream().filter(o -> Boolean.TRUE.equals(o.sameRows())).count();
        out.append("| ").append(group).append(" | ").append(outcomes.size()).append(" | ")
                .append(percent(exact, outcomes.size())).append(" | ")
                .append(run == 0 ? "-" : percent(same, run)).append(" |\n");
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%% (%d/%d)", 100.0 * part / whole, part, whole);
    }

    static double accuracy(List<Outcome> outcomes, String language) {
        List<Outcome> selected = outcomes.stream().filter(o -> language == null || o.evalCase().language().equals(language)).toList();
        return selected.stream().filter(Outcome::exact).count() / (double) selected.size();
    }

    static double resultAccuracy(List<Outcome> outcomes, String language) {
        List<Outcome> selected = outcomes.stream().filter(o -> language == null || o.evalCase().language().equals(language)).toList();
        return selected.stream().filter(o -> Boolean.TRUE.equals(o.sameRows())).count() / (double) selected.size();
    }

    static String orderText(List<OrderBy> orderBy) {
        return orderBy.stream().map(o -> o.field() + " " + o.direction().value()).collect(Collectors.joining(", "));
    }
}
