package io.zhongtai.core.search;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.asset.Asset;
import io.zhongtai.core.asset.AssetDetail;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.OwnerRef;
import io.zhongtai.core.asset.TagAssignment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What the search index holds about one asset: the texts it is found by, the values it is
 * filtered and faceted by, and the signals that rank it. The index is a projection, so a
 * document is always rebuilt whole from the catalog and replaces the previous one.
 *
 * @param id the asset; also the document's key
 * @param name the last segment of the identifier, as shown in results
 * @param qualifiedName the whole dotted name, as written in identifiers
 * @param nameParts the segments of the qualified name ({@code [demo, retail, orders]}), searched
 *     so that a query naming the schema or warehouse finds what lives in it
 * @param description the effective description, or null
 * @param columns the columns of a table or view, in position order; empty for other types
 * @param tags tag names ({@code pii}), with the tags of the columns of a table included by the caller
 *     where it wants a table found by them
 * @param terms glossary term names
 * @param owners users and groups that own the asset
 * @param domain the business domain, or null
 * @param warehouse the warehouse the asset lives in, or null for flat types (terms, metrics, ...)
 * @param schema the schema segment ({@code retail}) for schemas, tables, views and columns, else null
 * @param platform the engine or source kind ({@code duckdb}, {@code postgres}, ...), or null
 * @param certified true when a steward certified the asset (metrics, curated tables)
 * @param labels other names people use for it: display labels, synonyms, Chinese names
 *     ({@code 成交额} for {@code gmv}); weighted almost like the name
 * @param reads how often the asset is read (from query logs); a popularity signal, 0 when unknown
 * @param updatedAt when the asset last changed in the catalog
 * @param deleted soft-deleted in the catalog: kept in the index but never returned by search or
 *     suggestions, so that the projection can map every change event the same way
 * @param deprecated marked as not to be used any more (a steward's {@code deprecated} tag, or a
 *     metric's status): ranked lower and hidden unless a search asks for deprecated assets
 */
public record SearchDocument(
        AssetId id,
        String name,
        String qualifiedName,
        List<String> nameParts,
        String description,
        List<Column> columns,
        List<String> tags,
        List<String> terms,
        List<OwnerRef> owners,
        String domain,
        String warehouse,
        String schema,
        String platform,
        boolean certified,
        List<String> labels,
        long reads,
        Instant updatedAt,
        boolean deleted,
        boolean deprecated) {
    public SearchDocument {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(qualifiedName, "qualifiedName is null");
        if (name.isBlank()) {
            throw CatalogException.invalid("name", "must not be blank (document " + id + ")");
        }
        nameParts = List.copyOf(requireNonNull(nameParts, "nameParts is null"));
        description = blankToNull(description);
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        tags = List.copyOf(requireNonNull(tags, "tags is null"));
        terms = List.copyOf(requireNonNull(terms, "terms is null"));
        owners = List.copyOf(requireNonNull(owners, "owners is null"));
        domain = blankToNull(domain);
        warehouse = blankToNull(warehouse);
        schema = blankToNull(schema);
        platform = blankToNull(platform);
        labels = List.copyOf(requireNonNull(labels, "labels is null"));
        requireNonNull(updatedAt, "updatedAt is null");
        if (reads < 0) {
            throw CatalogException.invalid("reads", "must be 0 or more, was " + reads + " (document " + id + ")");
        }
    }

    public AssetType type() {
        return id.type();
    }

    /** The column names, in position order. */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The column descriptions that exist, in position order. */
    public List<String> columnDescriptions() {
        return columns.stream().map(Column::description).filter(d -> d != null).toList();
    }

    /** A builder with the defaults that the identifier implies (name, qualified name, parts, warehouse, schema). */
    public static Builder builder(AssetId id) {
        return new Builder(id);
    }

    /**
     * A builder filled from what the catalog holds about an asset: description, owners, tag
     * names, terms, domain, columns (with the column tags added to the table's tags, so that
     * {@code tag:pii} finds the tables holding personal data), deletion and last change. The
     * caller adds what the catalog store does not know: platform, reads, certification, labels.
     */
    public static Builder fromAsset(AssetDetail detail) {
        requireNonNull(detail, "detail is null");
        Asset asset = detail.asset();
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        asset.tags().stream().map(TagAssignment::name).forEach(tags::add);
        List<Column> columns = new ArrayList<>();
        for (Asset column : detail.columns()) {
            if (column.deleted()) {
                continue;
            }
            columns.add(new Column(column.id().name(), column.description()));
            column.tags().stream().map(TagAssignment::name).forEach(tags::add);
        }
        return builder(asset.id())
                .description(asset.description())
                .owners(asset.owners())
                .tags(List.copyOf(tags))
                .terms(asset.terms())
                .domain(asset.domain())
                .columns(columns)
                .updatedAt(asset.updatedAt())
                .deleted(asset.deleted());
    }

    /** One column of a table or view, searched by its name and its description. */
    public record Column(String name, String description) {
        public Column {
            requireNonNull(name, "column name is null");
            description = blankToNull(description);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Builds a {@link SearchDocument}; every list defaults to empty, {@code updatedAt} must be set. */
    public static final class Builder {
        private final AssetId id;
        private String name;
        private String qualifiedName;
        private List<String> nameParts;
        private String description;
        private List<Column> columns = List.of();
        private List<String> tags = List.of();
        private List<String> terms = List.of();
        private List<OwnerRef> owners = List.of();
        private String domain;
        private String warehouse;
        private String schema;
        private String platform;
        private boolean certified;
        private List<String> labels = List.of();
        private long reads;
        private Instant updatedAt;
        private boolean deleted;
        private boolean deprecated;

        private Builder(AssetId id) {
            this.id = requireNonNull(id, "id is null");
            this.name = id.name();
            this.qualifiedName = id.qualifiedName();
            this.nameParts = id.path();
            this.warehouse = id.warehouse();
            // schema, table, view and column paths all carry the schema as their second segment
            boolean inSchema = id.type() == AssetType.SCHEMA || id.type().isDataset() || id.type() == AssetType.COLUMN;
            this.schema = inSchema ? id.path().get(1) : null;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder qualifiedName(String qualifiedName) {
            this.qualifiedName = qualifiedName;
            return this;
        }

        public Builder nameParts(List<String> nameParts) {
            this.nameParts = nameParts;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder columns(List<Column> columns) {
            this.columns = columns;
            return this;
        }

        public Builder tags(List<String> tags) {
            this.tags = tags;
            return this;
        }

        public Builder terms(List<String> terms) {
            this.terms = terms;
            return this;
        }

        public Builder owners(List<OwnerRef> owners) {
            this.owners = owners;
            return this;
        }

        public Builder domain(String domain) {
            this.domain = domain;
            return this;
        }

        public Builder warehouse(String warehouse) {
            this.warehouse = warehouse;
            return this;
        }

        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        public Builder platform(String platform) {
            this.platform = platform;
            return this;
        }

        public Builder certified(boolean certified) {
            this.certified = certified;
            return this;
        }

        public Builder labels(List<String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder reads(long reads) {
            this.reads = reads;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder deleted(boolean deleted) {
            this.deleted = deleted;
            return this;
        }

        public Builder deprecated(boolean deprecated) {
            this.deprecated = deprecated;
            return this;
        }

        public SearchDocument build() {
            return new SearchDocument(
                    id, name, qualifiedName, nameParts, description, columns, tags, terms, owners, domain, warehouse,
                    schema, platform, certified, labels, reads, updatedAt, deleted, deprecated);
        }
    }
}
