package io.zhongtai.core.harvest;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.change.Change;
import io.zhongtai.core.change.ChangeKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One asset the store must write because it is new, changed, removed or back again.
 *
 * @param parent the container (warehouse, schema, table or view) it belongs to
 * @param fields all its versioned fields after the change (empty for a removal)
 * @param version its version after the change
 */
public record PlannedWrite(
        AssetId id,
        AssetId parent,
        ChangeKind kind,
        Map<String, Object> fields,
        long version,
        List<Change> changes,
        boolean breaking) {
    public PlannedWrite {
        requireNonNull(id, "id is null");
        requireNonNull(kind, "kind is null");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(fields, "fields is null")));
        changes = List.copyOf(requireNonNull(changes, "changes is null"));
    }
}
