package io.zhongtai.core.harvest;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** What the store holds of a harvested asset: its version, whether deleted, its versioned fields. */
public record StoredAsset(AssetId id, long version, boolean deleted, Map<String, Object> fields) {
    public StoredAsset {
        requireNonNull(id, "id is null");
        fields = Collections.unmodifiableMap(new HashMap<>(requireNonNull(fields, "fields is null")));
    }
}
