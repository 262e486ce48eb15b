package io.zhongtai.crawlers.querylog;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.lineage.ColumnLineage;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.DatasetUsage;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageOrigin;
import io.zhongtai.core.lineage.SqlLineage;
import io.zhongtai.core.lineage.SqlLineageExtractor;
import io.zhongtai.core.lineage.SqlLineageRequest;
import io.zhongtai.core.warehouse.Dialect;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Turns a harvest of a warehouse's query log into usage and lineage. Only the calls made since
 * the previous harvest count: each digest's cumulative calls are compared with the counters kept
 * from then (a count that went down means the statistics were reset, and all its calls are new).
 * Digests without new calls are not read again.
 *
 * <ul>
 *   <li>Every table or view a statement reads (SELECT, and the sources of INSERT ... SELECT,
 *       CREATE TABLE AS, MERGE, UPDATE ... FROM) gets the statement's new calls as reads on the
 *       harvest's day.
 *   <li>A statement that writes a table from other tables carries lineage: one job per written
 *       table, {@code job:<warehouse>."querylog.<schema>.<table>"}, reading the union of what
 *       the statements writing that table read, with their column edges. Writes that read no
 *       table (INSERT ... VALUES, UPDATE ... SET x = ?) are counted but carry no lineage.
 *   <li>Only tables and views the catalog knows count (the crawler's, not temporary or system
 *       tables); the rest is counted as unknown.
 * </ul>
 *
 * Placeholders ({@code $1}, {@code ?}) parse as they are; MySQL's {@code (...)} for a folded list
 * becomes {@code (NULL)} first. Nothing is ever executed.
 */
public final class QueryLogAnalyzer {
    /** The job name prefix of query-log lineage; the job id is {@code job:<warehouse>."querylog.<schema>.<table>"}. */
    public static final String JOB_PREFIX = "querylog.";
    /** At most this many statement texts are kept in a job's {@code sql} property. */
    public static final int MAX_STATEMENTS = 50;
    /** Statement texts in a job's {@code sql} property are separated by this. */
    public static final String STATEMENT_SEPARATOR = ";\n\n";
    private static final int MAX_WARNINGS = 10;

    /** The catalog's datasets of the warehouse being harvested. */
    @FunctionalInterface
    public interface Datasets {
        /** The crawled table or view of this schema and name, or empty. */
        Optional<AssetId> find(String schema, String name);
    }

    /**
     * What a harvest found.
     *
     * @param usage new reads per dataset on the harvest's day
     * @param jobs the lineage of this harvest's writing statements, one job per written table (to
     *     be united with what the job already holds)
     * @param counters every digest's cumulative calls, to keep for the next harvest
     */
    public record Result(
            List<DatasetUsage> usage, List<JobLineage> jobs, Map<String, Long> counters, Stats stats, List<String> warnings) {
        public Result {
            usage = List.copyOf(usage);
            jobs = List.copyOf(jobs);
            counters = Map.copyOf(counters);
            requireNonNull(stats, "stats is null");
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Counts of a harvest.
     *
     * @param digests digests in the log
     * @param active digests with calls since the previous harvest
     * @param newCalls calls since the previous harvest, over all digests
     * @param reads reads added to usage
     * @param writeStatements active digests that write a table
     * @param lineageStatements of those, the ones that read tables (and so carry lineage)
     * @param unreadable active digests the SQL extractor could not read (truncated, other syntax)
     * @param unknownTables names read or written that the catalog does not know
     */
    public record Stats(
            int digests,
            int active,
            long newCalls,
            long reads,
            int writeStatements,
            int lineageStatements,
            int unreadable,
            int unknownTables) {}

    private final SqlLineageExtractor extractor;

    public QueryLogAnalyzer(SqlLineageExtractor extractor) {
        this.extractor = requireNonNull(extractor, "extractor is null");
    }

    /**
     * @param previous the counters kept by the previous harvest (empty for the first one, whose
     *     calls are all new)
     * @param day the UTC day the harvest runs on: new reads are counted on it
     */
    public Result analyze(
            String warehouse,
            Dialect dialect,
            List<QueryDigest> digests,
            Map<String, Long> previous,
            LocalDate day,
            Datasets datasets) {
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(dialect, "dialect is null");
        requireNonNull(previous, "previous is null");
        requireNonNull(day, "day is null");
        requireNonNull(datasets, "datasets is null");
        Map<String, Long> counters = new HashMap<>();
        Map<AssetId, Long> reads = new TreeMap<>();
        Map<AssetId, Writes> writes = new TreeMap<>();
        Set<String> unknown = new TreeSet<>();
        List<String> warnings = new ArrayList<>();
        int active = 0;
        long newCalls = 0;
        int writeStatements = 0;
        int lineageStatements = 0;
        int unreadable = 0;
        for (QueryDigest digest : digests) {
            counters.merge(digest.id(), digest.calls(), Math::max);
        }
        for (QueryDigest digest : digests) {
            long before = previous.getOrDefault(digest.id(), 0L);
            long delta = digest.calls() >= before ? digest.calls() - before : digest.calls();
            if (delta == 0) {
                continue;
            }
            active++;
            newCalls += delta;
            String defaultSchema = digest.schema() != null ? digest.schema() : defaultSchema(dialect);
            SqlLineage lineage;
            try {
                lineage = extractor.extract(new SqlLineageRequest(prepare(digest.sql()), dialect, null, defaultSchema));
            } catch (CatalogException | IllegalArgumentException e) {
                unreadable++;
                if (warnings.size() < MAX_WARNINGS) {
                    warnings.add("Not read: " + abbreviate(digest.sql()) + " (" + e.getMessage() + ")");
                }
                continue;
            }
            Names names = new Names(defaultSchema, datasets, unknown);
            List<AssetId> inputs = new ArrayList<>();
            for (String input : lineage.inputs()) {
                names.dataset(input).ifPresent(dataset -> {
                    inputs.add(dataset);
                    reads.merge(dataset, delta, Long::sum);
                });
            }
            if (lineage.outputs().isEmpty()) {
                continue;
            }
            writeStatements++;
            if (lineage.inputs().isEmpty()) {
                continue;
            }
            boolean carried = false;
            for (String output : lineage.outputs()) {
                Optional<AssetId> target = names.dataset(output);
                if (target.isEmpty()) {
                    continue;
                }
                carried = true;
                Writes write = writes.computeIfAbsent(target.get(), id -> new Writes());
                write.inputs.addAll(inputs);
                write.statements.add(digest.sql().strip());
                for (ColumnLineage column : lineage.columns()) {
                    Optional<AssetId> targetColumn = names.column(column.target());
                    if (targetColumn.isEmpty() || !targetColumn.get().parent(target.get().type()).equals(target.get())) {
                        continue;
                    }
                    for (String source : column.sources()) {
                        names.column(source).ifPresent(from -> write.columns.add(new ColumnEdge(from, targetColumn.get())));
                    }
                }
            }
            if (carried) {
                lineageStatements++;
            }
        }
        List<DatasetUsage> usage = new ArrayList<>();
        long totalReads = 0;
        for (Map.Entry<AssetId, Long> entry : reads.entrySet()) {
            usage.add(new DatasetUsage(entry.getKey(), day, entry.getValue()));
            totalReads += entry.getValue();
        }
        List<JobLineage> jobs = new ArrayList<>();
        writes.forEach((target, write) -> jobs.add(job(warehouse, dialect, target, write)));
        Stats stats = new Stats(
                digests.size(), active, newCalls, totalReads, writeStatements, lineageStatements, unreadable, unknown.size());
        return new Result(usage, jobs, counters, stats, warnings);
    }

    /** The job that stands for the logged statements writing one table. */
    public static AssetId jobOf(String warehouse, AssetId target) {
        return AssetId.of(AssetType.JOB, warehouse, JOB_PREFIX + target.path().get(1) + "." + target.name());
    }

    /** The union of a query-log job as stored and as a harvest saw it, statements included. */
    public static JobLineage merge(Optional<JobLineage> stored, JobLineage harvested) {
        if (stored.isEmpty()) {
            return harvested;
        }
        JobLineage old = stored.get();
        Set<AssetId> inputs = new LinkedHashSet<>(old.inputs());
        inputs.addAll(harvested.inputs());
        Set<AssetId> outputs = new LinkedHashSet<>(old.outputs());
        outputs.addAll(harvested.outputs());
        Set<ColumnEdge> columns = new LinkedHashSet<>(old.columns());
        columns.addAll(harvested.columns());
        Map<String, String> properties = new TreeMap<>(old.properties());
        properties.putAll(harvested.properties());
        TreeSet<String> statements = new TreeSet<>(statements(old.properties().get("sql")));
        statements.addAll(statements(harvested.properties().get("sql")));
        properties.put("sql", joinStatements(statements));
        return new JobLineage(
                harvested.job(),
                LineageOrigin.QUERY_LOG,
                harvested.description(),
                properties,
                List.copyOf(inputs),
                List.copyOf(outputs),
                List.copyOf(columns));
    }

    /**
     * The digest text made parseable: MySQL folds lists and multi-row VALUES into {@code (...)},
     * which becomes {@code (NULL)}; placeholders stay.
     */
    static String prepare(String sql) {
        String text = sql.strip();
        if (text.endsWith("...") && !text.endsWith("(...)")) {
            // the log cut a long statement: what is left is not SQL
            throw new IllegalArgumentException("the statement was truncated by the query log");
        }
        return text.replace("(...)", "(NULL)");
    }

    private static JobLineage job(String warehouse, Dialect dialect, AssetId target, Writes write) {
        Map<String, String> properties = new TreeMap<>();
        properties.put("sql", joinStatements(write.statements));
        properties.put("dialect", dialect.value());
        properties.put("source", "query log");
        write.inputs.remove(target);
        return new JobLineage(
                jobOf(warehouse, target),
                LineageOrigin.QUERY_LOG,
                "Statements that write " + target.path().get(1) + "." + target.name() + ", seen in the query log of " + warehouse,
                properties,
                List.copyOf(write.inputs),
                List.of(target),
                List.copyOf(write.columns));
    }

    private static List<String> statements(String sql) {
        if (sql == null || sql.isBlank()) {
            return List.of();
        }
        return List.of(sql.split(STATEMENT_SEPARATOR));
    }

    private static String joinStatements(Set<String> statements) {
        return String.join(STATEMENT_SEPARATOR, statements.stream().limit(MAX_STATEMENTS).toList());
    }

    private static String defaultSchema(Dialect dialect) {
        return switch (dialect) {
            case POSTGRES -> "public";
            default -> null;
        };
    }

    private static String abbreviate(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 120 ? flat : flat.substring(0, 117) + "...";
    }

    /** Resolves the extractor's dotted names onto the catalog's datasets of the warehouse. */
    private record Names(String defaultSchema, Datasets datasets, Set<String> unknown) {
        Optional<AssetId> dataset(String name) {
            List<String> parts = List.of(name.split("\\."));
            String schema = switch (parts.size()) {
                case 1 -> defaultSchema;
                default -> parts.get(parts.size() - 2);
            };
            if (schema == null) {
                unknown.add(name);
                return Optional.empty();
            }
            Optional<AssetId> found = datasets.find(schema, parts.get(parts.size() - 1));
            if (found.isEmpty()) {
                unknown.add(name);
            }
            return found;
        }

        Optional<AssetId> column(String name) {
            int dot = name.lastIndexOf('.');
            if (dot <= 0 || name.substring(dot + 1).equals(ColumnLineage.ALL_COLUMNS)) {
                return Optional.empty();
            }
            return dataset(name.substring(0, dot)).map(dataset -> dataset.child(AssetType.COLUMN, name.substring(dot + 1)));
        }
    }

    /** What the statements writing one table say, gathered over a harvest. */
    private static final class Writes {
        final Set<AssetId> inputs = new LinkedHashSet<>();
        final Set<ColumnEdge> columns = new LinkedHashSet<>();
        final Set<String> statements = new TreeSet<>();
    }
}
