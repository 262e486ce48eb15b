package io.zhongtai.crawlers.sql;

import io.zhongtai.core.lineage.SqlLineageExtractor;
import java.util.List;
import java.util.Locale;

/**
 * Single-thread throughput of the lineage extractor on the hand-written test set (the valid
 * cases, each a whole request: split, parse, resolve). Not a JUnit test: timing belongs in
 * BENCHMARKS.md, not in the build. Run {@code bench/sql-lineage/run.sh [warm-up s] [passes]}, which
 * does this:
 *
 * <pre>
 * ./mvnw -B -q -o test-compile -pl crawlers
 * ./mvnw -B -q -o dependency:build-classpath -pl crawlers -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/zt-cp.txt
 * java -cp crawlers/target/test-classes:crawlers/target/classes:$(cat /tmp/zt-cp.txt) \
 *     io.zhongtai.crawlers.sql.SqlLineageBenchmark [warm-up seconds, default 10] [timed passes, default 200]
 * </pre>
 */
public final class SqlLineageBenchmark {
    private SqlLineageBenchmark() {}

    public static void main(String[] args) {
        double warmUpSeconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int passes = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        SqlLineageExtractor extractor = new JSqlParserLineageExtractor();
        // the valid SQL that the extractor reads (known gaps that JSqlParser refuses are left out)
        List<LineageCorpus.Case> cases = LineageCorpus.load().stream()
                .filter(testCase -> !testCase.expectsError())
                .filter(testCase -> LineageCorpus.run(extractor, testCase).lineage() != null)
                .toList();
        int statementsPerPass = 0;
        for (LineageCorpus.Case testCase : cases) {
            statementsPerPass += extractor.extract(testCase.request(), testCase.schemaCatalog()).statements().size();
        }
        long warmUpEnd = System.nanoTime() + (long) (warmUpSeconds * 1e9);
        long sink = 0;
        while (System.nanoTime() < warmUpEnd) {
            sink += pass(extractor, cases);
        }
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            sink += pass(extractor, cases);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long parseStart = System.nanoTime();
        for (int pass = 0; pass < passes; pass++) {
            sink += parseOnly(cases);
        }
        double parseSeconds = (System.nanoTime() - parseStart) / 1e9;
        double statements = (double) statementsPerPass * passes;
        System.out.printf(Locale.ROOT, "%n## SQL lineage: statements per second, one thread%n%n"
                        + "| data | passes | statements | time | statements/s | requests/s | of which JSqlParser alone |%n"
                        + "| --- | --- | --- | --- | --- | --- | --- |%n"
                        + "| the lineage test set: %d valid requests, %d statements (%d characters in all) "
                        + "| %d after %.0f s warm-up | %.0f | %.2f s | %.0f | %.0f | %.0f statements/s (split and parse only) |%n"
                        + "%nJava %s, %d processors available, load average %s before the timed passes; checksum %d.%n",
                cases.size(), statementsPerPass, cases.stream().mapToInt(c -> c.sql().length()).sum(), passes,
                warmUpSeconds, statements, seconds, statements / seconds, cases.size() * (double) passes / seconds,
                statements / parseSeconds, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadBefore, sink);
    }

    /** Cutting and parsing alone, without resolving: what JSqlParser costs of the whole. */
    private static long parseOnly(List<LineageCorpus.Case> cases) {
        SqlStatementParser parser = new SqlStatementParser(JSqlParserLineageExtractor.DEFAULT_PARSE_TIMEOUT);
        long count = 0;
        for (LineageCorpus.Case testCase : cases) {
            SqlDialectSettings settings = SqlDialectSettings.of(testCase.dialect());
            SqlScript script = SqlScript.of(testCase.sql(), settings);
            int number = 0;
            for (SqlScript.Statement statement : script.statements()) {
                number++;
                if (!UseCommand.isUse(script, statement)) {
                    count += parser.parse(script, statement, number, settings).size();
                }
            }
        }
        return count;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException exception) {
            return "unknown";
        }
    }

    private static long pass(SqlLineageExtractor extractor, List<LineageCorpus.Case> cases) {
        long count = 0;
        for (LineageCorpus.Case testCase : cases) {
            count += extractor.extract(testCase.request(), testCase.schemaCatalog()).columns().size();
        }
        return count;
    }
}
