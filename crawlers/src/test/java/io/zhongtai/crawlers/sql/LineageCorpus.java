package io.zhongtai.crawlers.sql;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.TextPosition;
import io.zhongtai.core.lineage.ColumnLineage;
import io.zhongtai.core.lineage.SchemaCatalog;
import io.zhongtai.core.lineage.SqlLineage;
import io.zhongtai.core.lineage.SqlLineageExtractor;
import io.zhongtai.core.lineage.SqlLineageRequest;
import io.zhongtai.core.warehouse.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The hand-written lineage test set in {@code src/test/resources/sql-lineage/*.lineage}. The
 * format is plain text, one case after another (no YAML or JSON library is on the test class
 * path):
 *
 * <pre>
 * === pg-insert-select            a unique id
 * dialect: postgres               an io.zhongtai.core.warehouse.Dialect value
 * defaultSchema: public           optional, as is defaultDatabase
 * catalog: public.t(a, b, c)      optional and repeatable: known table columns
 * construct: insert-select        optional tags, comma-separated, for the coverage report
 * gap: why JSqlParser cannot      optional: the expected answer is right but not reached
 * sql:
 *   INSERT INTO t SELECT ...      the SQL, every line indented by two spaces
 * inputs: public.s                comma-separated, or nothing
 * outputs: public.t
 * columns:
 *   public.t.a &lt;- public.s.x, public.s.y
 *   public.t.n &lt;-                 no sources
 * error: 3:14                     instead of inputs/outputs/columns: line:column of the error
 * </pre>
 */
final class LineageCorpus {
    /** One case of the test set. */
    record Case(
            String file,
            String id,
            Dialect dialect,
            String defaultDatabase,
            String defaultSchema,
            Map<String, List<String>> catalog,
            List<String> constructs,
            String gap,
            String sql,
            List<String> inputs,
            List<String> outputs,
            List<ColumnLineage> columns,
            TextPosition error) {
        boolean expectsError() {
            return error != null;
        }

        SqlLineageRequest request() {
            return new SqlLineageRequest(sql, dialect, defaultDatabase, defaultSchema);
        }

        SchemaCatalog schemaCatalog() {
            return SchemaCatalog.of(catalog);
        }
    }

    /** What the extractor answered for one case, judged. */
    record Outcome(Case testCase, SqlLineage lineage, CatalogException error, RuntimeException crash) {
        boolean tablesMatch() {
            if (crash != null) {
                return false;
            }
            if (testCase.expectsError()) {
                return error != null && testCase.error().equals(error.position());
            }
            return lineage != null
                    && new TreeSet<>(testCase.inputs()).equals(new TreeSet<>(lineage.inputs()))
                    && new TreeSet<>(testCase.outputs()).equals(new TreeSet<>(lineage.outputs()));
        }

        boolean columnsMatch() {
            if (crash != null) {
                return false;
            }
            if (testCase.expectsError()) {
                return tablesMatch();
            }
            return lineage != null && testCase.columns().equals(lineage.columns());
        }

        String describe() {
            StringBuilder text = new StringBuilder();
            text.append(testCase.file()).append(" / ").append(testCase.id());
            if (testCase.gap() != null) {
                text.append(" [known gap: ").append(testCase.gap()).append(']');
            }
            text.append('\n');
            if (crash != null) {
                text.append("  crashed: ").append(crash).append('\n');
                return text.toString();
            }
            if (testCase.expectsError()) {
                text.append("  expected error at ").append(testCase.error()).append(", got ")
                        .append(error == null ? "no error" : error.position() + " " + error.getMessage())
                        .append('\n');
                return text.toString();
            }
            if (error != null) {
                text.append("  unexpected error: ").append(error.getMessage()).append('\n');
                return text.toString();
            }
            if (!tablesMatch()) {
                text.append("  inputs  expected ").append(testCase.inputs()).append(" got ").append(lineage.inputs())
                        .append('\n');
                text.append("  outputs expected ").append(testCase.outputs()).append(" got ")
                        .append(lineage.outputs()).append('\n');
            }
            if (!columnsMatch()) {
                text.append("  columns expected\n");
                testCase.columns().forEach(column -> text.append("    ").append(format(column)).append('\n'));
                text.append("  columns got\n");
                lineage.columns().forEach(column -> text.append("    ").append(format(column)).append('\n'));
            }
            return text.toString();
        }

        private static String format(ColumnLineage column) {
            return column.target() + " <- " + String.join(", ", column.sources());
        }
    }

    private LineageCorpus() {}

    static Outcome run(SqlLineageExtractor extractor, Case testCase) {
        try {
            return new Outcome(testCase, extractor.extract(testCase.request(), testCase.schemaCatalog()), null, null);
        } catch (CatalogException error) {
            return new Outcome(testCase, null, error, null);
        } catch (RuntimeException crash) {
            return new Outcome(testCase, null, null, crash);
        }
    }

    /** Every case of every {@code .lineage} file, files in name order. */
    static List<Case> load() {
        URL root = LineageCorpus.class.getClassLoader().getResource("sql-lineage");
        if (root == null) {
            throw new IllegalStateException("sql-lineage test resources are not on the class path");
        }
        try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
            List<Case> cases = new ArrayList<>();
            for (Path file : files.filter(path -> path.toString().endsWith(".lineage")).sorted().toList()) {
                cases.addAll(parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
            }
            return cases;
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        } catch (URISyntaxException exception) {
            throw new IllegalStateException(exception);
        }
    }

    static List<Case> parse(String file, String text) {
        List<Case> cases = new ArrayList<>();
        List<String> lines = Arrays.asList(text.split("\r?\n", -1));
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (!line.startsWith("=== ")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected '=== id', got: " + line);
                }
                i++;
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && !lines.get(end).startsWith("=== ")) {
                end++;
            }
            cases.add(parseCase(file, i + 1, lines.subList(i, end)));
            i = end;
        }
        return cases;
    }

    private static Case parseCase(String file, int firstLine, List<String> lines) {
        String id = lines.get(0).substring(4).strip();
        String where = file + ":" + firstLine + " (" + id + ")";
        Dialect dialect = null;
        String defaultDatabase = null;
        String defaultSchema = null;
        Map<String, List<String>> catalog = new LinkedHashMap<>();
        List<String> constructs = new ArrayList<>();
        String gap = null;
        StringBuilder sql = null;
        List<String> inputs = null;
        List<String> outputs = null;
        List<ColumnLineage> columns = null;
        TextPosition error = null;
        String block = null;
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("  ") && block != null) {
                if (block.equals("sql")) {
                    sql.append(line.substring(2)).append('\n');
                } else {
                    columns.add(column(where, line.strip()));
                }
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                if (block != null && block.equals("sql") && line.isEmpty()) {
                    sql.append('\n');
                }
                continue;
            }
            block = null;
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException(where + ": expected 'key: value', got: " + line);
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "dialect" -> dialect = Dialect.fromValue(value);
                case "defaultDatabase" -> defaultDatabase = value;
                case "defaultSchema" -> defaultSchema = value;
                case "catalog" -> {
                    int open = value.indexOf('(');
                    catalog.put(value.substring(0, open).strip(), names(value.substring(open + 1, value.lastIndexOf(')'))));
                }
                case "construct" -> constructs.addAll(names(value));
                case "gap" -> gap = value;
                case "sql" -> {
                    sql = new StringBuilder();
                    block = "sql";
                }
                case "inputs" -> inputs = names(value);
                case "outputs" -> outputs = names(value);
                case "columns" -> {
                    columns = new ArrayList<>();
                    block = "columns";
                }
                case "error" -> {
                    String[] position = value.split(":");
                    error = new TextPosition(Integer.parseInt(position[0].strip()), Integer.parseInt(position[1].strip()));
                }
                default -> throw new IllegalArgumentException(where + ": unknown key " + key);
            }
        }
        if (dialect == null || sql == null) {
            throw new IllegalArgumentException(where + ": dialect and sql are required");
        }
        if (error == null && (inputs == null || outputs == null || columns == null)) {
            throw new IllegalArgumentException(where + ": inputs, outputs and columns (or error) are required");
        }
        String statementText = sql.toString().stripTrailing();
        return new Case(file, id, dialect, defaultDatabase, defaultSchema, catalog, constructs, gap, statementText,
                inputs == null ? List.of() : inputs, outputs == null ? List.of() : outputs,
                columns == null ? List.of() : List.copyOf(new TreeSet<>(columns)), error);
    }

    private static ColumnLineage column(String where, String line) {
        int arrow = line.indexOf("<-");
        if (arrow < 0) {
            throw new IllegalArgumentException(where + ": expected 'target <- sources', got: " + line);
        }
        return new ColumnLineage(line.substring(0, arrow).strip(), names(line.substring(arrow + 2)));
    }

    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        for (String name : list.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }
}
