package io.zhongtai.crawlers.openlineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.DatasetSketch;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageOrigin;
import io.zhongtai.core.lineage.LineageRun;
import io.zhongtai.core.lineage.SqlLineage;
import io.zhongtai.core.lineage.SqlLineageExtractor;
import io.zhongtai.core.lineage.SqlLineageMapper;
import io.zhongtai.core.lineage.SqlLineageRequest;
import io.zhongtai.core.warehouse.Dialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Turns one OpenLineage event into the job lineage it describes: the job
 * ({@code job:<normalised namespace>.<name>}), its input and output datasets resolved onto the
 * catalog by a {@link DatasetResolver}, column edges from the columnLineage facet or, when no
 * dataset carries one, from the SQL job facet read by the SQL lineage extractor, and sketches of
 * every dataset (description, schema facet fields) so that unknown ones can be created as
 * external assets.
 *
 * <p>SQL that cannot be read does not refuse the event: the event is kept, its datasets count,
 * and a warning says why there are no column edges from its SQL.
 */
public final class OpenLineageMapper {
    /** Job properties this mapper writes. */
    public static final String NAMESPACE = "namespace";
    public static final String NAME = "name";
    public static final String SQL = "sql";
    public static final String DIALECT = "dialect";

    /**
     * One event's reading.
     *
     * @param job the job's id
     * @param lineage what this event alone says about the job
     * @param sketches every dataset the event names, with what it says about them
     * @param warnings what could not be read (unreadable SQL), for the sender
     */
    public record MappedEvent(
            OpenLineageEvent event, AssetId job, JobLineage lineage, List<DatasetSketch> sketches, List<String> warnings) {
        public MappedEvent {
            requireNonNull(event, "event is null");
            requireNonNull(job, "job is null");
            requireNonNull(lineage, "lineage is null");
            sketches = List.copyOf(sketches);
            warnings = List.copyOf(warnings);
        }

        /** True when the event names at least one dataset. */
        public boolean namesDatasets() {
            return !lineage.inputs().isEmpty() || !lineage.outputs().isEmpty();
        }

        /** The run to keep for this event, or null for a job event (no run). */
        public LineageRun run() {
            if (event.isJobEvent()) {
                return null;
            }
            return new LineageRun(job, event.runId(), event.eventType(), event.eventTime(), lineage.outputs(), event.raw());
        }
    }

    private final DatasetResolver resolver;
    private final Predicate<AssetId> isView;
    private final SqlLineageExtractor extractor;

    /**
     * @param isView whether the catalog holds a view of this id (a view id is asked); a dataset
     *     the catalog does not know is a table
     */
    public OpenLineageMapper(DatasetResolver resolver, Predicate<AssetId> isView, SqlLineageExtractor extractor) {
        this.resolver = requireNonNull(resolver, "resolver is null");
        this.isView = requireNonNull(isView, "isView is null");
        this.extractor = requireNonNull(extractor, "extractor is null");
    }

    public MappedEvent map(OpenLineageEvent event) {
        requireNonNull(event, "event is null");
        OpenLineageEvent.Job job = event.job();
        AssetId jobId = OpenLineageNames.job(job.namespace(), job.name());
        Map<String, DatasetResolver.ResolvedDataset> resolved = new HashMap<>();
        Map<AssetId, DatasetSketch> sketches = new LinkedHashMap<>();
        Set<AssetId> inputs = new LinkedHashSet<>();
        Set<AssetId> outputs = new LinkedHashSet<>();
        List<DatasetRef> named = new ArrayList<>();
        for (OpenLineageEvent.Dataset dataset : event.inputs()) {
            AssetId id = dataset(dataset.namespace(), dataset.name(), resolved);
            inputs.add(id);
            sketch(sketches, id, dataset);
            named.add(new DatasetRef(dataset, id, resolved.get(key(dataset.namespace(), dataset.name())), false));
        }
        for (OpenLineageEvent.Dataset dataset : event.outputs()) {
            AssetId id = dataset(dataset.namespace(), dataset.name(), resolved);
            outputs.add(id);
            sketch(sketches, id, dataset);
            named.add(new DatasetRef(dataset, id, resolved.get(key(dataset.namespace(), dataset.name())), true));
        }
        List<String> warnings = new ArrayList<>();
        Set<ColumnEdge> edges = new LinkedHashSet<>();
        boolean columnFacet = false;
        for (OpenLineageEvent.Dataset dataset : event.outputs()) {
            if (dataset.columnLineage() == null) {
                continue;
            }
            columnFacet = true;
            AssetId target = dataset(dataset.namespace(), dataset.name(), resolved);
            dataset.columnLineage().forEach((field, sources) -> {
                AssetId targetColumn = target.child(AssetType.COLUMN, field);
                for (OpenLineageEvent.InputField source : sources) {
                    AssetId from = dataset(source.namespace(), source.name(), resolved);
                    if (!from.equals(target)) {
                        inputs.add(from);
                    }
                    edges.add(new ColumnEdge(from.child(AssetType.COLUMN, source.field()), targetColumn));
                }
            });
        }
        Map<String, String> properties = new TreeMap<>(job.properties());
        properties.put(NAMESPACE, job.namespace());
        properties.put(NAME, job.name());
        if (job.sql() != null) {
            Dialect dialect = sqlDialect(job.sqlDialect(), named);
            properties.put(SQL, job.sql());
            properties.put(DIALECT, dialect.value());
            if (!columnFacet) {
                readSql(job.sql(), dialect, jobId, named, inputs, outputs, edges, warnings);
            }
        }
        JobLineage lineage = new JobLineage(
                jobId,
                LineageOrigin.OPENLINEAGE,
                job.description(),
                properties,
                List.copyOf(inputs),
                List.copyOf(outputs),
                List.copyOf(edges));
        return new MappedEvent(event, jobId, lineage, List.copyOf(sketches.values()), warnings);
    }

    private record DatasetRef(
            OpenLineageEvent.Dataset dataset, AssetId id, DatasetResolver.ResolvedDataset resolved, boolean output) {}

    private void readSql(
            String sql,
            Dialect dialect,
            AssetId jobId,
            List<DatasetRef> named,
            Set<AssetId> inputs,
            Set<AssetId> outputs,
            Set<ColumnEdge> edges,
            List<String> warnings) {
        SqlLineage lineage;
        try {
            lineage = extractor.extract(SqlLineageRequest.of(sql, dialect));
        } catch (CatalogException e) {
            warnings.add("The SQL job facet was not read (" + e.getMessage() + "); the event's datasets are kept without column lineage");
            return;
        }
        SqlLineageMapper.DatasetResolver sqlNames = sqlNames(named, jobId, dialect, warnings);
        JobLineage fromSql = SqlLineageMapper.toJob(jobId, LineageOrigin.OPENLINEAGE, null, Map.of(), lineage, sqlNames);
        inputs.addAll(fromSql.inputs());
        outputs.addAll(fromSql.outputs());
        edges.addAll(fromSql.columns());
    }

    /**
     * SQL names the tables relative to its connection: a name matches an event dataset whose
     * name ends with the same parts; any other table is placed beside the event's first output
     * (or input), and when the event names no dataset, in the job namespace's warehouse.
     */
    private SqlLineageMapper.DatasetResolver sqlNames(List<DatasetRef> named, AssetId jobId, Dialect dialect, List<String> warnings) {
        DatasetRef home = named.stream()
                .filter(ref -> ref.output())
                .findFirst()
                .orElse(named.isEmpty() ? null : named.get(0));
        String warehouse;
        if (home != null) {
            warehouse = home.id().warehouse();
        } else {
            warehouse = jobId.warehouse();
            warnings.add("The event names no dataset: the tables of its SQL are placed in " + warehouse);
        }
        SqlLineageMapper.DatasetResolver beside = SqlLineageMapper.onWarehouse(warehouse, defaultSchema(dialect), Set.of());
        return sqlName -> {
            List<String> parts = List.of(sqlName.split("\\."));
            // a bare name matches on the table alone, a qualified one on at least schema and table
            for (int take = parts.size(); take >= Math.min(parts.size(), 2); take--) {
                List<String> suffix = parts.subList(parts.size() - take, parts.size());
                for (DatasetRef ref : named) {
                    if (endsWith(ref, suffix)) {
                        return ref.id();
                    }
                }
            }
            return viewIfKnown(beside.dataset(sqlName));
        };
    }

    private static boolean endsWith(DatasetRef ref, List<String> suffix) {
        List<String> name = List.of(ref.dataset().name().split("\\."));
        if (name.size() < suffix.size()) {
            return false;
        }
        List<String> tail = name.subList(name.size() - suffix.size(), name.size());
        for (int i = 0; i < suffix.size(); i++) {
            if (!tail.get(i).equalsIgnoreCase(suffix.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String defaultSchema(Dialect dialect) {
        return switch (dialect) {
            case POSTGRES -> "public";
            case DUCKDB -> "main";
            case H2 -> "PUBLIC";
            default -> null;
        };
    }

    /** The facet's dialect when it names one Zhongtai knows, else that of the first dataset's warehouse. */
    private static Dialect sqlDialect(String facetDialect, List<DatasetRef> named) {
        if (facetDialect != null && !facetDialect.isBlank()) {
            String value = facetDialect.strip().toLowerCase(Locale.ROOT);
            Dialect fromFacet = switch (value) {
                case "postgresql", "redshift" -> Dialect.POSTGRES;
                case "sparksql", "databricks" -> Dialect.SPARK;
                case "ansi" -> Dialect.GENERIC;
                default -> {
                    try {
                        yield Dialect.fromValue(value);
                    } catch (CatalogException e) {
                        yield null;
                    }
                }
            };
            if (fromFacet != null) {
                return fromFacet;
            }
        }
        return named.stream()
                .map(DatasetRef::resolved)
                .filter(resolved -> resolved != null)
                .map(DatasetResolver.ResolvedDataset::dialect)
                .findFirst()
                .orElse(Dialect.GENERIC);
    }

    private AssetId dataset(String namespace, String name, Map<String, DatasetResolver.ResolvedDataset> resolved) {
        DatasetResolver.ResolvedDataset dataset =
                resolved.computeIfAbsent(key(namespace, name), key -> resolver.resolve(namespace, name));
        return viewIfKnown(dataset.id());
    }

    private AssetId viewIfKnown(AssetId table) {
        AssetId view = new AssetId(AssetType.VIEW, table.path());
        return isView.test(view) ? view : table;
    }

    private static String key(String namespace, String name) {
        return namespace + '\u0000' + name;
    }

    private static void sketch(Map<AssetId, DatasetSketch> sketches, AssetId id, OpenLineageEvent.Dataset dataset) {
        List<DatasetSketch.SketchColumn> columns = dataset.fields().stream()
                .map(field -> new DatasetSketch.SketchColumn(field.name(), field.type(), field.description()))
                .toList();
        DatasetSketch sketch = new DatasetSketch(id, dataset.description(), columns);
        DatasetSketch earlier = sketches.get(id);
        if (earlier == null
                || earlier.columns().size() < columns.size()
                || earlier.description() == null && dataset.description() != null && earlier.columns().size() == columns.size()) {
            sketches.put(id, sketch);
        }
    }
}
