package io.zhongtai.graph.neo4j;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.FieldError;
import io.zhongtai.core.Page;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.Asset;
import io.zhongtai.core.asset.AssetDetail;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetPatch;
import io.zhongtai.core.asset.AssetQuery;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.asset.Classification;
import io.zhongtai.core.asset.ForeignKey;
import io.zhongtai.core.asset.OwnerRef;
import io.zhongtai.core.asset.TagAssignment;
import io.zhongtai.core.asset.TagSource;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.change.ChangeEvent;
import io.zhongtai.core.change.ChangeKind;
import io.zhongtai.core.change.FieldDiff;
import io.zhongtai.core.harvest.HarvestBatch;
import io.zhongtai.core.harvest.HarvestPolicy;
import io.zhongtai.core.harvest.HarvestResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

/** The catalog store of record in Neo4j: assets as nodes, containment and curation as relationships. */
public final class Neo4jCatalogStore implements CatalogStore {
    private final Neo4jGraph graph;
    private final Clock clock;

    public Neo4jCatalogStore(Neo4jGraph graph, Clock clock) {
        this.graph = requireNonNull(graph, "graph is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public HarvestResult applyHarvest(HarvestBatch batch, Actor actor, HarvestPolicy policy) {
        Instant now = now();
        return graph.write(tx -> HarvestWriter.apply(tx, batch, policy, now, actor.name()));
    }

    @Override
    public Optional<AssetDetail> findAsset(AssetId id) {
        return graph.read(tx -> {
            List<Record> found = tx.run("MATCH (a:Asset {id: $id}) RETURN " + AssetRows.PROJECTION, Map.of("id", id.toString()))
                    .list();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Asset asset = AssetRows.toAsset(found.get(0));
            if (!asset.type().isDataset()) {
                return Optional.of(new AssetDetail(asset, List.of(), List.of()));
            }
            List<Asset> columns = tx.run(
                            "MATCH (:Asset {id: $id})-[:CONTAINS]->(a:Column) WHERE NOT a.deleted "
                                    + "RETURN " + AssetRows.PROJECTION + " ORDER BY a.position",
                            Map.of("id", id.toString()))
                    .list(AssetRows::toAsset);
            List<ForeignKey> keys = foreignKeys(tx, id);
            return Optional.of(new AssetDetail(asset, columns, keys));
        });
    }

    private static List<ForeignKey> foreignKeys(TransactionContext tx, AssetId table) {
        record Pair(String name, String referencedTable, AssetId from, AssetId to) {}
        List<Pair> pairs = tx.run(
                        "MATCH (:Asset {id: $id})-[:CONTAINS]->(c:Column)-[r:REFERENCES]->(t:Column) WHERE NOT c.deleted "
                                + "RETURN r.name AS name, t.parentId AS referencedTable, c.id AS from, t.id AS to "
                                + "ORDER BY c.position",
                        Map.of("id", table.toString()))
                .list(record -> new Pair(
                        AssetRows.nullableString(record.get("name")),
                        record.get("referencedTable").asString(),
                        AssetId.parse(record.get("from").asString()),
                        AssetId.parse(record.get("to").asString())));
        // a key is identified by its name, or by the table it references when the engine names none
        Map<List<String>, List<Pair>> byKey = new LinkedHashMap<>();
        for (Pair pair : pairs) {
            byKey.computeIfAbsent(Arrays.asList(pair.name(), pair.referencedTable()), k -> new ArrayList<>()).add(pair);
        }
        return byKey.values().stream()
                .map(key -> new ForeignKey(
                        key.get(0).name(),
                        key.stream().map(Pair::from).toList(),
                        key.stream().map(Pair::to).toList()))
                .toList();
    }

    @Override
    public Page<Asset> listAssets(AssetQuery query, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("type", query.type() == null ? null : query.type().value());
        params.put("warehouse", query.warehouse());
        params.put("text", query.text() == null || query.text().isBlank() ? null : query.text().toLowerCase(java.util.Locale.ROOT));
        params.put("includeDeleted", query.includeDeleted());
        params.put("skip", page.offset());
        params.put("limit", page.size());
        String where = "WHERE ($type IS NULL OR a.type = $type) AND ($warehouse IS NULL OR a.warehouse = $warehouse) "
                + "AND ($includeDeleted OR NOT coalesce(a.deleted, false)) "
                + "AND ($text IS NULL OR toLower(a.qualifiedName) CONTAINS $text "
                + "OR toLower(coalesce(a.description, a.sourceDescription, '')) CONTAINS $text) ";
        return graph.read(tx -> {
            long total = tx.run("MATCH (a:Asset) " + where + "RETURN count(a) AS n", params)
                    .single()
                    .get("n")
                    .asLong();
            List<Asset> items = tx.run(
                            "MATCH (a:Asset) " + where + "WITH a ORDER BY a.id SKIP $skip LIMIT $limit RETURN "
                                    + AssetRows.PROJECTION,
                            params)
                    .list(AssetRows::toAsset);
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    @Override
    public Asset patchAsset(AssetId id, AssetPatch patch, Actor actor) {
        Instant now = now();
        return graph.write(tx -> {
            Asset before = requireAsset(tx, id);
            if (before.deleted()) {
                throw new CatalogException(
                        ErrorCode.ASSET_REMOVED, id + " was removed from its source; a removed asset cannot be edited");
            }
            checkReferences(tx, patch);
            Map<String, Object> beforeFields = curatedFields(before, tx, id);
            Map<String, Object> params = new HashMap<>();
            params.put("id", id.toString());
            patch.description().ifPresent(description -> {
                params.put("description", description.filter(text -> !text.isBlank()).orElse(null));
                tx.run("MATCH (a:Asset {id: $id}) SET a.description = $description", params).consume();
            });
            patch.owners().ifPresent(owners -> {
                params.put("owners", owners.stream().map(AssetId::toString).distinct().toList());
                tx.run(
                                "MATCH (a:Asset {id: $id}) OPTIONAL MATCH (a)-[r:OWNED_BY]->() DELETE r "
                                        + "WITH DISTINCT a UNWIND $owners AS owner MATCH (o:Asset {id: owner}) "
                                        + "MERGE (a)-[:OWNED_BY]->(o)",
                                params)
                        .consume();
            });
            patch.tags().ifPresent(tags -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                Map<String, TagAssignment> unique = new LinkedHashMap<>();
                tags.forEach(tag -> unique.putIfAbsent(tag.name(), tag));
                unique.values().forEach(tag -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("id", AssetId.of(AssetType.TAG, tag.name()).toString());
                    row.put("kind", tag.kind());
                    rows.add(row);
                });
                params.put("tags", rows);
                tx.run(
                                "MATCH (a:Asset {id: $id}) OPTIONAL MATCH (a)-[r:TAGGED {source: 'manual'}]->() DELETE r "
                                        + "WITH DISTINCT a UNWIND $tags AS tag MATCH (t:Asset {id: tag.id}) "
                                        + "CREATE (a)-[:TAGGED {source: 'manual', kind: tag.kind}]->(t)",
                                params)
                        .consume();
            });
            patch.terms().ifPresent(terms -> {
                params.put("terms", terms.stream().distinct().map(t -> AssetId.of(AssetType.TERM, t).toString()).toList());
                tx.run(
                                "MATCH (a:Asset {id: $id}) OPTIONAL MATCH (a)-[r:HAS_TERM]->() DELETE r "
                                        + "WITH DISTINCT a UNWIND $terms AS term MATCH (t:Asset {id: term}) "
                                        + "MERGE (a)-[:HAS_TERM]->(t)",
                                params)
                        .consume();
            });
            patch.domain().ifPresent(domain -> {
                params.put("domain", domain.map(d -> AssetId.of(AssetType.DOMAIN, d).toString()).orElse(null));
                tx.run(
                                "MATCH (a:Asset {id: $id}) OPTIONAL MATCH (a)-[r:IN_DOMAIN]->() DELETE r "
                                        + "WITH DISTINCT a MATCH (d:Asset {id: $domain}) MERGE (a)-[:IN_DOMAIN]->(d)",
                                params)
                        .consume();
            });
            Asset after = requireAsset(tx, id);
            List<Change> changes = FieldDiff.diff(beforeFields, curatedFields(after, tx, id));
            if (changes.isEmpty()) {
                return before;
            }
            long version = before.version() + 1;
            tx.run(
                            "MATCH (a:Asset {id: $id}) SET a.version = $version, a.updatedAt = $now",
                            Map.of("id", id.toString(), "version", version, "now", now.toEpochMilli()))
                    .consume();
            ChangeLogWriter.append(
                    tx,
                    List.of(new ChangeLogWriter.Pending(id, version, ChangeKind.UPDATED, changes, false)),
                    now,
                    actor.name());
            if (id.type() == AssetType.COLUMN && patch.tags().isPresent()) {
                TagPropagation.recompute(tx, List.of(id.toString()), now, actor.name());
            }
            return requireAsset(tx, id);
        });
    }

    /** The curated fields as compared for change events: the steward's own values only. */
    private static Map<String, Object> curatedFields(Asset asset, TransactionContext tx, AssetId id) {
        Map<String, Object> fields = new HashMap<>();
        fields.put(
                "description",
                AssetRows.nullableString(tx.run("MATCH (a:Asset {id: $id}) RETURN a.description AS d", Map.of("id", id.toString()))
                        .single()
                        .get("d")));
        fields.put("owners", asset.owners().stream().map(owner -> owner.id().toString()).sorted().toList());
        fields.put(
                "tags",
                asset.tags().stream()
                        .filter(tag -> tag.source() == TagSource.MANUAL)
                        .map(tag -> tag.kind() == null ? tag.name() : tag.name() + ":" + tag.kind())
                        .sorted()
                        .toList());
        fields.put("terms", asset.terms());
        fields.put("domain", asset.domain());
        return fields;
    }

    private static void checkReferences(TransactionContext tx, AssetPatch patch) {
        List<String> wanted = new ArrayList<>();
        Map<String, String> fieldOf = new HashMap<>();
        patch.owners().ifPresent(owners -> owners.forEach(owner -> {
            wanted.add(owner.toString());
            fieldOf.put(owner.toString(), "owners");
        }));
        patch.tags().ifPresent(tags -> tags.forEach(tag -> {
            String id = AssetId.of(AssetType.TAG, tag.name()).toString();
            wanted.add(id);
            fieldOf.put(id, "tags");
        }));
        patch.terms().ifPresent(terms -> terms.forEach(term -> {
            String id = AssetId.of(AssetType.TERM, term).toString();
            wanted.add(id);
            fieldOf.put(id, "terms");
        }));
        patch.domain().flatMap(domain -> domain).ifPresent(domain -> {
            String id = AssetId.of(AssetType.DOMAIN, domain).toString();
            wanted.add(id);
            fieldOf.put(id, "domain");
        });
        if (wanted.isEmpty()) {
            return;
        }
        List<String> missing = tx.run(
                        "UNWIND $ids AS id OPTIONAL MATCH (x:Asset {id: id}) WHERE NOT coalesce(x.deleted, false) "
                                + "WITH id, x WHERE x IS NULL RETURN id",
                        Map.of("ids", wanted))
                .list(record -> record.get("id").asString());
        if (!missing.isEmpty()) {
            List<FieldError> errors = missing.stream()
                    .map(id -> new FieldError(fieldOf.get(id), id + " does not exist"))
                    .toList();
            throw new CatalogException(
                    ErrorCode.UNKNOWN_REFERENCE,
                    "Unknown " + String.join(", ", missing) + ": create them first (users and groups under /api/v1/users "
                            + "and /api/v1/groups, tags, terms and domains under /api/v1/tags, /api/v1/terms, /api/v1/domains)",
                    errors);
        }
    }

    private static Asset requireAsset(TransactionContext tx, AssetId id) {
        List<Record> found = tx.run("MATCH (a:Asset {id: $id}) RETURN " + AssetRows.PROJECTION, Map.of("id", id.toString()))
                .list();
        if (found.isEmpty()) {
            throw new CatalogException(ErrorCode.ASSET_NOT_FOUND, "No asset " + id);
        }
        return AssetRows.toAsset(found.get(0));
    }

    @Override
    public Page<ChangeEvent> history(AssetId id, PageRequest page) {
        return graph.read(tx -> {
            if (!tx.run("MATCH (a:Asset {id: $id}) RETURN count(a) > 0 AS found", Map.of("id", id.toString()))
                    .single()
                    .get("found")
                    .asBoolean()) {
                throw new CatalogException(ErrorCode.ASSET_NOT_FOUND, "No asset " + id);
            }
            long total = tx.run("MATCH (c:ChangeEvent {assetId: $id}) RETURN count(c) AS n", Map.of("id", id.toString()))
                    .single()
                    .get("n")
                    .asLong();
            List<ChangeEvent> items = tx.run(
                            "MATCH (c:ChangeEvent {assetId: $id}) RETURN c ORDER BY c.sequence DESC SKIP $skip LIMIT $limit",
                            Map.of("id", id.toString(), "skip", page.offset(), "limit", page.size()))
                    .list(record -> ChangeLogWriter.fromNode(record.get("c").asNode()));
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    @Override
    public List<ChangeEvent> changesSince(long afterSequence, int limit) {
        return graph.read(tx -> tx.run(
                        "MATCH (c:ChangeEvent) WHERE c.sequence > $after RETURN c ORDER BY c.sequence LIMIT $limit",
                        Map.of("after", afterSequence, "limit", limit))
                .list(record -> ChangeLogWriter.fromNode(record.get("c").asNode())));
    }

    @Override
    public long lastChangeSequence() {
        // the counter moves in the same transaction as the events it numbers
        return graph.read(tx -> tx.run("OPTIONAL MATCH (s:Sequence {name: 'changelog'}) RETURN s.value AS last")
                .single()
                .get("last")
                .asLong(0));
    }

    @Override
    public List<AssetDetail> findAssets(Collection<AssetId> ids) {
        List<String> wanted = ids.stream().map(AssetId::toString).distinct().toList();
        if (wanted.isEmpty()) {
            return List.of();
        }
        return graph.read(tx -> tx.run(
                        "UNWIND $ids AS id MATCH (a:Asset {id: id}) RETURN " + AssetRows.PROJECTION + ", " + AssetRows.COLUMNS,
                        Map.of("ids", wanted))
                .list(Neo4jCatalogStore::toDetail));
    }

    @Override
    public List<AssetDetail> assetsAfter(AssetId after, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw CatalogException.invalid("limit", "must be between 1 and 10000, was " + limit);
        }
        // ordered by the unique index on the identifier: each page is an index range scan
        return graph.read(tx -> tx.run(
                        "MATCH (a:Asset) WHERE a.id > $after WITH a ORDER BY a.id LIMIT $limit RETURN "
                                + AssetRows.PROJECTION + ", " + AssetRows.COLUMNS,
                        Map.of("after", after == null ? "" : after.toString(), "limit", limit))
                .list(Neo4jCatalogStore::toDetail));
    }

    @Override
    public List<AssetId> ownedBy(AssetId owner) {
        return graph.read(tx -> tx.run(
                        "MATCH (a:Asset)-[:OWNED_BY]->(:Asset {id: $owner}) RETURN a.id AS id ORDER BY id",
                        Map.of("owner", owner.toString()))
                .list(record -> AssetId.parse(record.get("id").asString())));
    }

    @Override
    public void addCommitListener(Runnable listener) {
        graph.addCommitListener(listener);
    }

    /** A row with the asset and its live columns (foreign keys are not read: they are left empty). */
    private static AssetDetail toDetail(Record record) {
        Asset asset = AssetRows.toAsset(record);
        List<Asset> columns = record.get("columns").asList(AssetRows::toAsset).stream()
                .sorted(Comparator.comparingLong(column -> column.attributes().get("position") instanceof Number n
                        ? n.longValue()
                        : Long.MAX_VALUE))
                .toList();
        return new AssetDetail(asset, columns, List.of());
    }

    @Override
    public Classification createClassification(Classification classification, Actor actor) {
        Instant now = now();
        return graph.write(tx -> {
            Optional<Classification> existing = readClassification(tx, classification.id());
            if (existing.isPresent()) {
                throw new CatalogException(ErrorCode.ALREADY_EXISTS, classification.id() + " already exists");
            }
            return writeClassification(tx, classification, null, now, actor);
        });
    }

    @Override
    public Classification putClassification(Classification classification, Actor actor) {
        Instant now = now();
        return graph.write(tx -> writeClassification(
                tx, classification, readClassification(tx, classification.id()).orElse(null), now, actor));
    }

    private Classification writeClassification(
            TransactionContext tx, Classification wanted, Classification before, Instant now, Actor actor) {
        List<String> owners = wanted.owners().stream().map(owner -> owner.id().toString()).sorted().toList();
        List<String> missing = tx.run(
                        "UNWIND $ids AS id OPTIONAL MATCH (x:Asset {id: id}) WITH id, x WHERE x IS NULL RETURN id",
                        Map.of("ids", owners))
                .list(record -> record.get("id").asString());
        if (!missing.isEmpty()) {
            throw new CatalogException(
                    ErrorCode.UNKNOWN_REFERENCE,
                    "Unknown owner(s) " + String.join(", ", missing),
                    missing.stream().map(id -> new FieldError("owners", id + " does not exist")).toList());
        }
        Map<String, Object> beforeFields = before == null ? Map.of() : classificationFields(before);
        Map<String, Object> afterFields = classificationFields(wanted);
        List<Change> changes = FieldDiff.diff(beforeFields, afterFields);
        if (before != null && changes.isEmpty()) {
            return before;
        }
        long version = before == null ? 1 : before.version() + 1;
        String label = switch (wanted.id().type()) {
            case TERM -> "Term";
            case TAG -> "Tag";
            case DOMAIN -> "Domain";
            default -> throw new IllegalArgumentException(wanted.id().toString());
        };
        Map<String, Object> params = new HashMap<>();
        params.put("id", wanted.id().toString());
        params.put("type", wanted.id().type().value());
        params.put("name", wanted.name());
        params.put("description", wanted.description());
        params.put("synonyms", wanted.synonyms());
        params.put("owners", owners);
        params.put("version", version);
        params.put("now", now.toEpochMilli());
        params.put("propagate", wanted.id().type() == AssetType.TAG ? wanted.propagate() : null);
        tx.run(
                        "MERGE (a:Asset {id: $id}) ON CREATE SET a.createdAt = $now, a.type = $type, a.name = $name, "
                                + "a.qualifiedName = $name SET a:" + label + ", a.description = $description, "
                                + "a.synonyms = $synonyms, a.version = $version, a.updatedAt = $now, a.deleted = false, a.propagate = $propagate "
                                + "WITH a OPTIONAL MATCH (a)-[r:OWNED_BY]->() DELETE r "
                                + "WITH DISTINCT a UNWIND $owners AS owner MATCH (o:Asset {id: owner}) MERGE (a)-[:OWNED_BY]->(o)",
                        params)
                .consume();
        ChangeKind kind = before == null ? ChangeKind.CREATED : ChangeKind.UPDATED;
        ChangeLogWriter.append(
                tx, List.of(new ChangeLogWriter.Pending(wanted.id(), version, kind, changes, false)), now, actor.name());
        if (before != null && before.propagate() != wanted.propagate()) {
            // the columns that carry the tag at first hand are the origins of what propagates
            List<String> origins = tx.run(
                            "MATCH (c:Column)-[t:TAGGED]->(:Asset {id: $id}) WHERE t.source <> 'propagated' RETURN c.id AS id",
                            Map.of("id", wanted.id().toString()))
                    .list(record -> record.get("id").asString());
            TagPropagation.recompute(tx, origins, now, actor.name());
        }
        return readClassification(tx, wanted.id()).orElseThrow();
    }

    private static Map<String, Object> classificationFields(Classification classification) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("description", classification.description());
        fields.put("synonyms", classification.synonyms());
        fields.put("owners", classification.owners().stream().map(owner -> owner.id().toString()).sorted().toList());
        if (classification.id().type() == AssetType.TAG) {
            fields.put("propagate", classification.propagate());
        }
        return fields;
    }

    @Override
    public Optional<Classification> findClassification(AssetId id) {
        return graph.read(tx -> readClassification(tx, id));
    }

    private static final String CLASSIFICATION_PROJECTION = "a, [(a)-[:OWNED_BY]->(o) | o {.id, .displayName}] AS owners, "
            + "COUNT { MATCH (x:Asset)-[:TAGGED|HAS_TERM|IN_DOMAIN]->(a) WHERE NOT coalesce(x.deleted, false) } AS usage";

    private static Optional<Classification> readClassification(TransactionContext tx, AssetId id) {
        return tx.run(
                        "MATCH (a:Asset {id: $id}) WHERE NOT coalesce(a.deleted, false) RETURN " + CLASSIFICATION_PROJECTION,
                        Map.of("id", id.toString()))
                .list(Neo4jCatalogStore::toClassification)
                .stream()
                .findFirst();
    }

    private static Classification toClassification(Record record) {
        var node = record.get("a").asNode();
        return new Classification(
                AssetId.parse(node.get("id").asString()),
                AssetRows.nullableString(node.get("description")),
                node.get("synonyms").isNull() ? List.of() : node.get("synonyms").asList(Value::asString),
                record.get("owners").asList(value -> new OwnerRef(
                        AssetId.parse(value.get("id").asString()), AssetRows.nullableString(value.get("displayName")))),
                node.get("version").asLong(1),
                AssetRows.instant(node.get("updatedAt")),
                record.get("usage").asLong(),
                node.get("propagate").asBoolean(false));
    }

    @Override
    public Page<Classification> listClassifications(AssetType type, PageRequest page) {
        return graph.read(tx -> {
            Map<String, Object> params = Map.of("type", type.value(), "skip", page.offset(), "limit", page.size());
            long total = tx.run(
                            "MATCH (a:Asset {type: $type}) WHERE NOT coalesce(a.deleted, false) RETURN count(a) AS n", params)
                    .single()
                    .get("n")
                    .asLong();
            List<Classification> items = tx.run(
                            "MATCH (a:Asset {type: $type}) WHERE NOT coalesce(a.deleted, false) "
                                    + "WITH a ORDER BY a.name SKIP $skip LIMIT $limit RETURN " + CLASSIFICATION_PROJECTION,
                            params)
                    .list(Neo4jCatalogStore::toClassification);
            return new Page<>(items, page.page(), page.size(), total);
        });
    }

    @Override
    public void deleteClassification(AssetId id, Actor actor) {
        Instant now = now();
        graph.writeVoid(tx -> {
            Classification existing = readClassification(tx, id)
                    .orElseThrow(() -> new CatalogException(ErrorCode.ASSET_NOT_FOUND, "No " + id));
            if (existing.usage() > 0) {
                throw new CatalogException(
                        ErrorCode.IN_USE,
                        id + " is still on " + existing.usage() + " asset(s); remove it from them first");
            }
            long version = existing.version() + 1;
            tx.run(
                            "MATCH (a:Asset {id: $id}) OPTIONAL MATCH (a)-[r]-() DELETE r "
                                    + "WITH DISTINCT a SET a.deleted = true, a.version = $version, a.updatedAt = $now",
                            Map.of("id", id.toString(), "version", version, "now", now.toEpochMilli()))
                    .consume();
            ChangeLogWriter.append(
                    tx,
                    List.of(new ChangeLogWriter.Pending(
                            id, version, ChangeKind.REMOVED, List.of(new Change("deleted", false, true)), false)),
                    now,
                    actor.name());
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }
}
