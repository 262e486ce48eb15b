package io.zhongtai.crawlers.dbt;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.lineage.ColumnEdge;
import io.zhongtai.core.lineage.DatasetSketch;
import io.zhongtai.core.lineage.JobLineage;
import io.zhongtai.core.lineage.LineageOrigin;
import io.zhongtai.core.lineage.SchemaCatalog;
import io.zhongtai.core.lineage.SqlLineage;
import io.zhongtai.core.lineage.SqlLineageExtractor;
import io.zhongtai.core.lineage.SqlLineageMapper;
import io.zhongtai.core.lineage.SqlLineageRequest;
import io.zhongtai.core.warehouse.Dialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Plans the import of a dbt project into one registered warehouse: which tables and views its
 * models, seeds, snapshots and sources are ({@code <warehouse>.<schema>.<alias or identifier>}),
 * one job per model and snapshot ({@code job:<warehouse>.dbt_<model name>}, {@code _v<n>} added
 * for a versioned model) reading what {@code depends_on.nodes} names and writing the model, with
 * column edges read from the compiled SQL, and the curated fields to apply (descriptions, owners
 * from {@code meta.owner}, tags, and each generic test as a tag {@code dbt_<test name>} on the
 * column or table it tests).
 *
 * <p>Ephemeral models are no datasets: a model that depends on one reads what the ephemeral
 * model reads. Compiled SQL that cannot be read costs that model its column edges, never the
 * import; the plan's warnings say so.
 */
public final class DbtImportPlanner {
    /** The prefix of a job's name and of the tags that record tests. */
    public static final String PREFIX = "dbt_";

    /**
     * What the import will write.
     *
     * @param jobs the model and snapshot jobs, each with sketches of the datasets it touches
     * @param curations the curated fields per asset (datasets and columns), at most one per asset
     */
    public record Plan(List<PlannedJob> jobs, List<Curation> curations, Summary summary, List<String> warnings) {
        public Plan {
            jobs = List.copyOf(jobs);
            curations = List.copyOf(curations);
            requireNonNull(summary, "summary is null");
            warnings = List.copyOf(warnings);
        }
    }

    /** A job to put, and the sketches of its datasets so that unknown ones can be created. */
    public record PlannedJob(String node, JobLineage lineage, List<DatasetSketch> sketches) {
        public PlannedJob {
            requireNonNull(node, "node is null");
            requireNonNull(lineage, "lineage is null");
            sketches = List.copyOf(sketches);
        }
    }

    /**
     * Curated fields dbt gives an asset.
     *
     * @param description the description, or null to leave it
     * @param owner the raw {@code meta.owner} (a user or group name, or {@code user:x} /
     *     {@code group:x}), or null
     * @param tags tag names to add (dbt tags and test tags)
     */
    public record Curation(AssetId asset, String description, String owner, List<String> tags) {
        public Curation {
            requireNonNull(asset, "asset is null");
            tags = List.copyOf(new LinkedHashSet<>(tags));
        }
    }

    /** Counts of what the manifest holds and what the plan makes of it. */
    public record Summary(
            int models,
            int ephemeralModels,
            int seeds,
            int snapshots,
            int sources,
            int tests,
            int singularTests,
            int jobs,
            int columnEdges) {}

    private final SqlLineageExtractor extractor;

    public DbtImportPlanner(SqlLineageExtractor extractor) {
        this.extractor = requireNonNull(extractor, "extractor is null");
    }

    /**
     * @param warehouse the registered warehouse the project builds
     * @param dialect its dialect, for reading compiled SQL
     * @param database the warehouse's database as dbt names it, or null when unknown; nodes of
     *     another database are still mapped onto this warehouse, with a warning
     * @param stored the dataset the catalog holds at a table's path (a table or a view), if any
     */
    public Plan plan(
            DbtManifest manifest, String warehouse, Dialect dialect, String database, Function<AssetId, Optional<AssetId>> stored) {
        requireNonNull(manifest, "manifest is null");
        requireNonNull(warehouse, "warehouse is null");
        requireNonNull(dialect, "dialect is null");
        requireNonNull(stored, "stored is null");
        List<String> warnings = new ArrayList<>();
        Map<String, AssetId> datasets = new LinkedHashMap<>();
        Set<String> otherDatabases = new TreeSet<>();
        for (DbtManifest.Node node : manifest.nodes().values()) {
            if (node.ephemeral()) {
                continue;
            }
            AssetId table = AssetId.of(AssetType.TABLE, warehouse, node.schema(), node.relation());
            AssetId id = stored.apply(table).orElse(node.view() ? new AssetId(AssetType.VIEW, table.path()) : table);
            datasets.put(node.uniqueId(), id);
            if (database != null && node.database() != null && !node.database().equalsIgnoreCase(database)) {
                otherDatabases.add(node.database());
            }
        }
        otherDatabases.forEach(other -> warnings.add(
                "Nodes in database '" + other + "' are mapped onto warehouse '" + warehouse + "' too"));
        Map<String, AssetId> bySqlName = sqlNames(manifest, datasets);
        SchemaCatalog schemas = schemaCatalog(manifest);
        Map<AssetId, DatasetSketch> sketches = new HashMap<>();
        manifest.nodes().values().forEach(node -> {
            AssetId id = datasets.get(node.uniqueId());
            if (id != null) {
                sketches.put(id, new DatasetSketch(id, node.description(), node.columns().stream()
                        .map(column -> new DatasetSketch.SketchColumn(column.name(), column.dataType(), column.description()))
                        .toList()));
            }
        });

        List<PlannedJob> jobs = new ArrayList<>();
        int columnEdges = 0;
        for (DbtManifest.Node node : manifest.nodes().values()) {
            boolean builds = node.resourceType() == DbtManifest.ResourceType.MODEL
                    || node.resourceType() == DbtManifest.ResourceType.SNAPSHOT;
            if (!builds || node.ephemeral()) {
                continue;
            }
            AssetId output = datasets.get(node.uniqueId());
            Set<AssetId> inputs = new LinkedHashSet<>();
            for (String dependency : node.dependsOn()) {
                inputs.addAll(reads(dependency, manifest, datasets, warnings, new HashSet<>(), node.uniqueId()));
            }
            AssetId jobId = AssetId.of(
                    AssetType.JOB, warehouse, PREFIX + node.name() + (node.version() == null ? "" : "_v" + node.version()));
            Set<ColumnEdge> edges = new LinkedHashSet<>();
            if (node.compiledCode() != null) {
                columnEdges(node, output, dialect, warehouse, bySqlName, schemas, stored, jobId, inputs, edges, warnings);
            }
            inputs.remove(output);
            Map<String, String> properties = new TreeMap<>();
            properties.put("dbtUniqueId", node.uniqueId());
            putIfPresent(properties, "dbtPackage", node.packageName());
            putIfPresent(properties, "materialized", node.materialized());
            putIfPresent(properties, "path", node.path());
            if (node.compiledCode() != null) {
                properties.put("sql", node.compiledCode());
                properties.put("dialect", dialect.value());
            }
            JobLineage lineage = new JobLineage(
                    jobId,
                    LineageOrigin.DBT,
                    node.description(),
                    properties,
                    List.copyOf(inputs),
                    List.of(output),
                    List.copyOf(edges));
            List<DatasetSketch> jobSketches = new ArrayList<>();
            for (AssetId id : concat(lineage.inputs(), lineage.outputs())) {
                DatasetSketch sketch = sketches.get(id);
                jobSketches.add(sketch == null ? new DatasetSketch(id, null, List.of()) : sketch);
            }
            jobs.add(new PlannedJob(node.uniqueId(), lineage, jobSketches));
            columnEdges += lineage.columns().size();
        }

        Map<AssetId, Curation> curations = new LinkedHashMap<>();
        for (DbtManifest.Node node : manifest.nodes().values()) {
            AssetId id = datasets.get(node.uniqueId());
            if (id == null) {
                continue;
            }
            curate(curations, id, node.description(), node.owner(), node.tags());
            for (DbtManifest.Column column : node.columns()) {
                curate(curations, id.child(AssetType.COLUMN, column.name()), column.description(), null, column.tags());
            }
        }
        int tests = 0;
        for (DbtManifest.Test test : manifest.tests()) {
            AssetId id = datasets.get(test.attachedNode());
            if (id == null) {
                warnings.add("Test " + test.uniqueId() + " tests " + test.attachedNode() + ", which is no table or view here");
                continue;
            }
            AssetId tested = test.columnName() == null ? id : id.child(AssetType.COLUMN, unquote(test.columnName()));
            curate(curations, tested, null, null, List.of(PREFIX + test.name()));
            tests++;
        }
        Summary summary = new Summary(
                count(manifest, DbtManifest.ResourceType.MODEL, false),
                count(manifest, DbtManifest.ResourceType.MODEL, true),
                count(manifest, DbtManifest.ResourceType.SEED, false),
                count(manifest, DbtManifest.ResourceType.SNAPSHOT, false),
                count(manifest, DbtManifest.ResourceType.SOURCE, false),
                tests,
                manifest.singularTests(),
                jobs.size(),
                columnEdges);
        return new Plan(jobs, List.copyOf(curations.values()), summary, warnings);
    }

    /** The datasets a dependency stands for: itself, or what an ephemeral model reads. */
    private static Set<AssetId> reads(
            String dependency,
            DbtManifest manifest,
            Map<String, AssetId> datasets,
            List<String> warnings,
            Set<String> visiting,
            String model) {
        AssetId dataset = datasets.get(dependency);
        if (dataset != null) {
            return Set.of(dataset);
        }
        DbtManifest.Node node = manifest.nodes().get(dependency);
        if (node == null || !node.ephemeral()) {
            if (!dependency.startsWith("macro.") && !dependency.startsWith("metric.") && !dependency.startsWith("semantic_model.")) {
                warnings.add(model + " depends on " + dependency + ", which the manifest does not hold as a dataset");
            }
            return Set.of();
        }
        if (!visiting.add(dependency)) {
            return Set.of();
        }
        Set<AssetId> through = new LinkedHashSet<>();
        for (String next : node.dependsOn()) {
            through.addAll(reads(next, manifest, datasets, warnings, visiting, model));
        }
        return through;
    }

    private void columnEdges(
            DbtManifest.Node node,
            AssetId output,
            Dialect dialect,
            String warehouse,
            Map<String, AssetId> bySqlName,
            SchemaCatalog schemas,
            Function<AssetId, Optional<AssetId>> stored,
            AssetId jobId,
            Set<AssetId> inputs,
            Set<ColumnEdge> edges,
            List<String> warnings) {
        String query = node.compiledCode().strip();
        while (query.endsWith(";")) {
            query = query.substring(0, query.length() - 1).strip();
        }
        char quote = dialect == Dialect.MYSQL || dialect == Dialect.MARIADB || dialect == Dialect.HIVE
                || dialect == Dialect.SPARK || dialect == Dialect.BIGQUERY ? '`' : '"';
        String target = quoted(node.schema(), quote) + "." + quoted(node.relation(), quote);
        String sql = "CREATE " + (output.type() == AssetType.VIEW ? "VIEW " : "TABLE ") + target + " AS\n" + query;
        SqlLineage lineage;
        try {
            lineage = extractor.extract(SqlLineageRequest.of(sql, dialect), schemas);
        } catch (CatalogException e) {
            warnings.add("The compiled SQL of " + node.uniqueId() + " was not read (" + e.getMessage()
                    + "); its table lineage comes from depends_on alone");
            return;
        }
        SqlLineageMapper.DatasetResolver beside = SqlLineageMapper.onWarehouse(warehouse, node.schema(), Set.of());
        SqlLineageMapper.DatasetResolver resolver = sqlName -> {
            AssetId known = bySqlName.get(sqlName.toLowerCase(Locale.ROOT));
            if (known != null) {
                return known;
            }
            AssetId table = beside.dataset(sqlName);
            return stored.apply(table).orElse(table);
        };
        JobLineage fromSql = SqlLineageMapper.toJob(jobId, LineageOrigin.DBT, null, Map.of(), lineage, resolver);
        inputs.addAll(fromSql.inputs());
        edges.addAll(fromSql.columns());
    }

    /** Every way compiled SQL may name a node's relation, lower-cased: schema.table and database.schema.table. */
    private static Map<String, AssetId> sqlNames(DbtManifest manifest, Map<String, AssetId> datasets) {
        Map<String, AssetId> names = new HashMap<>();
        for (DbtManifest.Node node : manifest.nodes().values()) {
            AssetId id = datasets.get(node.uniqueId());
            if (id == null) {
                continue;
            }
            String schemaTable = (node.schema() + "." + node.relation()).toLowerCase(Locale.ROOT);
            names.putIfAbsent(schemaTable, id);
            if (node.database() != null) {
                names.put((node.database() + "." + schemaTable).toLowerCase(Locale.ROOT), id);
            }
        }
        return names;
    }

    private static SchemaCatalog schemaCatalog(DbtManifest manifest) {
        Map<String, List<String>> tables = new HashMap<>();
        for (DbtManifest.Node node : manifest.nodes().values()) {
            if (node.columns().isEmpty() || node.ephemeral()) {
                continue;
            }
            List<String> columns = node.columns().stream().map(DbtManifest.Column::name).toList();
            tables.putIfAbsent(node.schema() + "." + node.relation(), columns);
            tables.putIfAbsent((node.schema() + "." + node.relation()).toLowerCase(Locale.ROOT), columns);
            if (node.database() != null) {
                tables.putIfAbsent(node.database() + "." + node.schema() + "." + node.relation(), columns);
                tables.putIfAbsent((node.database() + "." + node.schema() + "." + node.relation()).toLowerCase(Locale.ROOT), columns);
            }
        }
        return SchemaCatalog.of(tables);
    }

    private static void curate(Map<AssetId, Curation> curations, AssetId id, String description, String owner, List<String> tags) {
        if (description == null && owner == null && tags.isEmpty()) {
            return;
        }
        Curation earlier = curations.get(id);
        if (earlier == null) {
            curations.put(id, new Curation(id, description, owner, tags));
            return;
        }
        List<String> allTags = new ArrayList<>(earlier.tags());
        allTags.addAll(tags);
        curations.put(id, new Curation(
                id,
                description != null ? description : earlier.description(),
                owner != null ? owner : earlier.owner(),
                allTags));
    }

    private static int count(DbtManifest manifest, DbtManifest.ResourceType type, boolean ephemeral) {
        return (int) manifest.nodes().values().stream()
                .filter(node -> node.resourceType() == type && node.ephemeral() == ephemeral)
                .count();
    }

    private static String quoted(String identifier, char quote) {
        String doubled = identifier.replace(String.valueOf(quote), String.valueOf(quote) + quote);
        return quote + doubled + quote;
    }

    /** A test's column_name may be quoted ({@code "Order Id"}); the column's name is without the quotes. */
    private static String unquote(String column) {
        String name = column.strip();
        if (name.length() >= 2 && (name.startsWith("\"") && name.endsWith("\"") || name.startsWith("`") && name.endsWith("`"))) {
            return name.substring(1, name.length() - 1);
        }
        return name;
    }

    private static void putIfPresent(Map<String, String> properties, String key, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }

    private static List<AssetId> concat(List<AssetId> first, List<AssetId> second) {
        List<AssetId> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
