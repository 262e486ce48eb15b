package io.zhongtai.core.harvest;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.ForeignKey;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.change.ChangeKind;
import io.zhongtai.core.change.FieldDiff;
import io.zhongtai.core.classification.PiiClassifier;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a harvest with the stored state of its warehouse and plans the writes: new assets
 * at version 1, changed ones at their next version with the field changes, vanished ones
 * soft-deleted, returning ones restored. Unchanged assets produce no write, which is what makes
 * a repeated harvest a no-op.
 *
 * <p>A table's versioned fields include one {@code columns.<name>} entry per column holding
 * its type, so that added, dropped and retyped columns show in the table's own history too.
 * Dropping or retyping a column, and removing a dataset or column, is breaking.
 *
 * <p>Each column carries the {@link PiiClassifier}'s verdict as a versioned field, so a column
 * newly found to hold personal data gets a version, and the store tags it {@code pii}.
 * Assets of tables the harvester could not read are left as they are, not removed.
 */
public final class HarvestPlanner {
    public static final String COLUMN_FIELD_PREFIX = "columns.";
    /** The column field that records what the classifier found: {@code pii:<kind>} or {@code none}. */
    public static final String CLASSIFICATION = "classification";
    public static final String NOT_PERSONAL = "none";

    private HarvestPlanner() {}

    /**
     * @param stored every stored schema, table, view and column of the warehouse, deleted ones included
     */
    public static HarvestPlan plan(HarvestBatch batch, Map<AssetId, StoredAsset> stored) {
        Map<AssetId, Harvested> harvested = flatten(batch);
        Set<String> unread = batch.unread();
        List<PlannedWrite> writes = new ArrayList<>();
        for (Harvested asset : harvested.values()) {
            StoredAsset before = stored.get(asset.id);
            if (before == null) {
                writes.add(new PlannedWrite(
                        asset.id,
                        asset.parent,
                        ChangeKind.CREATED,
                        asset.fields,
                        1,
                        FieldDiff.diff(Map.of(), asset.fields),
                        false));
                continue;
            }
            List<Change> changes = new ArrayList<>(FieldDiff.diff(before.fields(), asset.fields));
            if (before.deleted()) {
                changes.add(0, new Change("deleted", true, false));
                writes.add(new PlannedWrite(
                        asset.id, asset.parent, ChangeKind.RESTORED, asset.fields, before.version() + 1, changes, false));
            } else if (!changes.isEmpty()) {
                writes.add(new PlannedWrite(
                        asset.id,
                        asset.parent,
                        ChangeKind.UPDATED,
                        asset.fields,
                        before.version() + 1,
                        changes,
                        isBreaking(asset.id.type(), changes)));
            }
        }
        List<StoredAsset> gone = stored.values().stream()
                .filter(before -> !before.deleted() && !harvested.containsKey(before.id()))
                .filter(before -> !underUnreadTable(before.id(), unread))
                .sorted(Comparator.comparing(StoredAsset::id))
                .toList();
        for (StoredAsset before : gone) {
            AssetType type = before.id().type();
            writes.add(new PlannedWrite(
                    before.id(),
                    null,
                    ChangeKind.REMOVED,
                    Map.of(),
                    before.version() + 1,
                    List.of(new Change("deleted", false, true)),
                    type.isDataset() || type == AssetType.COLUMN));
        }
        Map<AssetId, Map<String, Object>> statistics = new HashMap<>();
        for (Harvested asset : harvested.values()) {
            if (!asset.statistics.isEmpty()) {
                statistics.put(asset.id, asset.statistics);
            }
        }
        long liveBefore = stored.values().stream().filter(asset -> !asset.deleted()).count();
        return new HarvestPlan(writes, statistics, foreignKeys(batch), liveBefore);
    }

    /** Assets of a table the harvester saw but could not read keep their state. */
    private static boolean underUnreadTable(AssetId id, Set<String> unread) {
        if (unread.isEmpty() || id.path().size() < 3) {
            return false;
        }
        return unread.contains(id.path().get(1) + "." + id.path().get(2));
    }

    /** Every harvested asset's versioned fields, as {@link #plan} compares them. */
    public static Map<AssetId, Map<String, Object>> fieldsOf(HarvestBatch batch) {
        Map<AssetId, Map<String, Object>> fields = new HashMap<>();
        flatten(batch).forEach((id, harvested) -> fields.put(id, harvested.fields));
        return fields;
    }

    /**
     * A short, stable digest of an asset's versioned fields. A store keeps it beside the asset
     * so that a crawl needs to read back the full fields only of assets whose digest differs.
     */
    public static String fingerprint(Map<String, Object> fields) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(fields).forEach((key, value) -> {
            Object normal = FieldDiff.normalize(value);
            if (normal != null) {
                canonical.append(key).append('\u0000').append(normal).append('\u0001');
            }
        });
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static boolean isBreaking(AssetType type, List<Change> changes) {
        for (Change change : changes) {
            boolean retypedOrDropped = change.before() != null;
            if (type == AssetType.COLUMN && change.field().equals("dataType") && retypedOrDropped) {
                return true;
            }
            if (type.isDataset() && change.field().startsWith(COLUMN_FIELD_PREFIX) && retypedOrDropped) {
                return true;
            }
        }
        return false;
    }

    private static Map<AssetId, Harvested> flatten(HarvestBatch batch) {
        Map<AssetId, Harvested> out = new LinkedHashMap<>();
        AssetId warehouse = AssetId.of(AssetType.WAREHOUSE, batch.warehouse());
        for (HarvestedSchema schema : batch.schemas()) {
            AssetId schemaId = warehouse.child(AssetType.SCHEMA, schema.name());
            Map<String, Object> schemaFields = new LinkedHashMap<>();
            putIfPresent(schemaFields, "sourceDescription", schema.description());
            out.put(schemaId, new Harvested(schemaId, warehouse, schemaFields, Map.of()));
            for (HarvestedTable table : schema.tables()) {
                AssetId tableId = schemaId.child(table.kind().assetType(), table.name());
                Map<String, Object> tableFields = new LinkedHashMap<>();
                tableFields.put("tableKind", table.kind().name());
                putIfPresent(tableFields, "sourceDescription", table.description());
                putIfPresent(tableFields, "viewSql", table.viewSql());
                if (!table.primaryKey().isEmpty()) {
                    tableFields.put("primaryKey", String.join(", ", table.primaryKey()));
                }
                if (!table.indexes().isEmpty()) {
                    tableFields.put("indexes", table.indexes().stream()
                            .map(index -> index.name() + " (" + String.join(", ", index.columns()) + ")"
                                    + (index.unique() ? " UNIQUE" : ""))
                            .sorted()
                            .toList());
                }
                for (HarvestedColumn column : table.columns()) {
                    tableFields.put(COLUMN_FIELD_PREFIX + column.name(), column.dataType());
                }
                Map<String, Object> statistics = new LinkedHashMap<>();
                putIfPresent(statistics, "rowCount", table.rowCount());
                putIfPresent(statistics, "sizeBytes", table.sizeBytes());
                out.put(tableId, new Harvested(tableId, schemaId, tableFields, statistics));
                for (HarvestedColumn column : table.columns()) {
                    AssetId columnId = tableId.child(AssetType.COLUMN, column.name());
                    Map<String, Object> columnFields = new LinkedHashMap<>();
                    columnFields.put("dataType", column.dataType());
                    columnFields.put("nullable", column.nullable());
                    columnFields.put("position", (long) column.position());
                    putIfPresent(columnFields, "defaultValue", column.defaultValue());
                    putIfPresent(columnFields, "sourceDescription", column.description());
                    if (table.primaryKey().contains(column.name())) {
                        columnFields.put("primaryKey", true);
                    }
                    String classification = PiiClassifier.classify(table.name(), column)
                            .map(kind -> "pii:" + kind.value())
                            .orElse(NOT_PERSONAL);
                    columnFields.put(CLASSIFICATION, classification);
                    boolean personal = !classification.equals(NOT_PERSONAL);
                    out.put(columnId, new Harvested(columnId, tableId, columnFields, profileStatistics(column.profile(), personal)));
                }
            }
        }
        return out;
    }

    private static List<ForeignKey> foreignKeys(HarvestBatch batch) {
        List<ForeignKey> keys = new ArrayList<>();
        for (HarvestedSchema schema : batch.schemas()) {
            for (HarvestedTable table : schema.tables()) {
                AssetId tableId = AssetId.of(table.kind().assetType(), batch.warehouse(), schema.name(), table.name());
                for (HarvestedForeignKey key : table.foreignKeys()) {
                    AssetId referenced = AssetId.of(
                            AssetType.TABLE, batch.warehouse(), key.referencedSchema(), key.referencedTable());
                    keys.add(new ForeignKey(
                            key.name(),
                            key.columns().stream().map(c -> tableId.child(AssetType.COLUMN, c)).toList(),
                            key.referencedColumns().stream()
                                    .map(c -> referenced.child(AssetType.COLUMN, c))
                                    .toList()));
                }
            }
        }
        return keys;
    }

    /**
     * A profile's figures; for a column holding personal data, never its values (min, max, top
     * values), so that the catalog does not become a copy of the data it protects.
     */
    private static Map<String, Object> profileStatistics(ColumnProfile profile, boolean personal) {
        if (profile == null) {
            return Map.of();
        }
        if (personal) {
            profile = new ColumnProfile(profile.sampledRows(), profile.nullFraction(), profile.distinctCount(), null, null, List.of());
        }
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("profileSampledRows", profile.sampledRows());
        statistics.put("profileNullFraction", profile.nullFraction());
        statistics.put("profileDistinctCount", profile.distinctCount());
        statistics.put("profileMin", profile.min());
        statistics.put("profileMax", profile.max());
        statistics.put("profileTopValues", profile.topValues().stream().map(v -> String.valueOf(v.value())).toList());
        statistics.put("profileTopCounts", profile.topValues().stream().map(ColumnProfile.ValueCount::count).toList());
        return statistics;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            map.put(key, FieldDiff.normalize(value));
        }
    }

    private record Harvested(
            AssetId id, AssetId parent, Map<String, Object> fields, Map<String, Object> statistics) {}
}
