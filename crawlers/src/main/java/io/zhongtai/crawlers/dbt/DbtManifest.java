package io.zhongtai.crawlers.dbt;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the catalog reads from a dbt project's {@code manifest.json} (schema v12, dbt 1.8 and
 * later; v10 and v11 have the same fields used here), with column types from {@code catalog.json}
 * when given.
 *
 * @param projectName {@code metadata.project_name}, or null
 * @param adapterType {@code metadata.adapter_type} ({@code duckdb}, {@code postgres}, ...), or null
 * @param nodes the models, seeds, snapshots and sources by unique id, in the manifest's order
 * @param tests the generic data tests (not_null, unique, accepted_values, relationships, ...)
 * @param singularTests how many singular tests (plain SQL, no test_metadata) the project has;
 *     they are not recorded on assets
 */
public record DbtManifest(
        String projectName, String adapterType, Map<String, Node> nodes, List<Test> tests, int singularTests) {
    public DbtManifest {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(nodes, "nodes is null")));
        tests = List.copyOf(requireNonNull(tests, "tests is null"));
    }

    /** The kinds of node that are datasets in the warehouse (or, for ephemeral models, in none). */
    public enum ResourceType {
        MODEL,
        SEED,
        SNAPSHOT,
        SOURCE
    }

    /**
     * A model, seed, snapshot or source.
     *
     * @param relation the table's name in the warehouse: the alias of a model, seed or snapshot,
     *     the identifier of a source
     * @param materialized a model's materialization (table, view, incremental, ephemeral,
     *     materialized_view, ...); {@code table} for seeds and snapshots, null for sources
     * @param owner {@code meta.owner} (or {@code config.meta.owner}, or a source's
     *     {@code source_meta.owner}), or null
     * @param columns documented columns in order, with catalog.json types where known
     * @param dependsOn unique ids of the nodes it reads ({@code depends_on.nodes})
     * @param compiledCode the compiled SQL of a model, or null
     */
    public record Node(
            String uniqueId,
            ResourceType resourceType,
            String packageName,
            String name,
            String version,
            String database,
            String schema,
            String relation,
            String materialized,
            String description,
            List<String> tags,
            String owner,
            List<Column> columns,
            List<String> dependsOn,
            String compiledCode,
            String path) {
        public Node {
            requireNonNull(uniqueId, "uniqueId is null");
            requireNonNull(resourceType, "resourceType is null");
            requireNonNull(name, "name is null");
            tags = List.copyOf(requireNonNull(tags, "tags is null"));
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            dependsOn = List.copyOf(requireNonNull(dependsOn, "dependsOn is null"));
        }

        public boolean ephemeral() {
            return "ephemeral".equals(materialized);
        }

        public boolean view() {
            return "view".equals(materialized);
        }
    }

    /** A column as the project documents it; the type from catalog.json, else the declared data_type, or null. */
    public record Column(String name, String description, String dataType, List<String> tags) {
        public Column {
            requireNonNull(name, "name is null");
            tags = List.copyOf(requireNonNull(tags, "tags is null"));
        }
    }

    /**
     * A generic data test.
     *
     * @param name the test's name ({@code not_null}, {@code unique}, {@code accepted_values}, ...)
     * @param attachedNode the unique id of the node it tests
     * @param columnName the column it tests, or null for a test of the whole node
     */
    public record Test(String uniqueId, String name, String attachedNode, String columnName) {
        public Test {
            requireNonNull(uniqueId, "uniqueId is null");
            requireNonNull(name, "name is null");
            requireNonNull(attachedNode, "attachedNode is null");
        }
    }
}
