package io.zhongtai.graph.neo4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.change.ChangeEvent;
import io.zhongtai.core.change.ChangeKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.types.Node;

/**
 * Appends change events inside the caller's transaction. Sequence numbers come from one counter
 * node that the transaction locks by incrementing it, so concurrent writers serialise on it and
 * the log has no gaps and no duplicates.
 */
final class ChangeLogWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 2_000;

    private ChangeLogWriter() {}

    /** Per thread: whether the write transaction running on it appended events (null: not tracking). */
    private static final ThreadLocal<boolean[]> APPENDED = new ThreadLocal<>();

    static boolean trackingAppends() {
        return APPENDED.get() != null;
    }

    static void startTrackingAppends() {
        APPENDED.set(new boolean[1]);
    }

    /** Stops tracking on this thread and tells whether anything was appended meanwhile. */
    static boolean stopTrackingAppends() {
        boolean[] appended = APPENDED.get();
        APPENDED.remove();
        return appended != null && appended[0];
    }

    /** An event not yet numbered. */
    record Pending(AssetId assetId, long version, ChangeKind kind, List<Change> changes, boolean breaking) {}

    static void append(TransactionContext tx, List<Pending> events, Instant at, String by) {
        if (events.isEmpty()) {
            return;
        }
        boolean[] appended = APPENDED.get();
        if (appended != null) {
            appended[0] = true;
        }
        long last = tx.run(
                        "MERGE (s:Sequence {name: 'changelog'}) ON CREATE SET s.value = 0 "
                                + "SET s.value = s.value + $n RETURN s.value AS last",
                        Map.of("n", events.size()))
                .single()
                .get("last")
                .asLong();
        long first = last - events.size() + 1;
        List<Map<String, Object>> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Pending event = events.get(i);
            Map<String, Object> row = new HashMap<>();
            row.put("sequence", first + i);
            row.put("assetId", event.assetId().toString());
            row.put("version", event.version());
            row.put("kind", event.kind().value());
            row.put("at", at.toEpochMilli());
            row.put("by", by);
            row.put("changes", toJson(event.changes()));
            row.put("breaking", event.breaking());
            rows.add(row);
        }
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<Map<String, Object>> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            tx.run("UNWIND $rows AS row CREATE (c:ChangeEvent) SET c = row", Map.of("rows", batch))
                    .consume();
        }
    }

    static ChangeEvent fromNode(Node node) {
        return new ChangeEvent(
                node.get("sequence").asLong(),
                AssetId.parse(node.get("assetId").asString()),
                node.get("version").asLong(),
                ChangeKind.valueOf(node.get("kind").asString().toUpperCase(Locale.ROOT)),
                Instant.ofEpochMilli(node.get("at").asLong()),
                node.get("by").asString(),
                fromJson(node.get("changes").asString()),
                node.get("breaking").asBoolean());
    }

    static String toJson(List<Change> changes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Change change : changes) {
            Map<String, Object> entry = new HashMap<>();
            entry.put("field", change.field());
            entry.put("before", change.before());
            entry.put("after", change.after());
            out.add(entry);
        }
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "Could not encode a change event", e);
        }
    }

    static List<Change> fromJson(String json) {
        try {
            List<Map<String, Object>> entries = JSON.readValue(json, new TypeReference<>() {});
            return entries.stream()
                    .map(entry -> new Change((String) entry.get("field"), entry.get("before"), entry.get("after")))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new CatalogException(ErrorCode.INTERNAL_ERROR, "A stored change event is not valid JSON", e);
        }
    }
}
