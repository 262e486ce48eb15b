package io.zhongtai.core.asset;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An asset as the catalog holds it now.
 *
 * @param description the effective description: a steward's, else the one harvested from the source
 * @param attributes the harvested facts of its type (dataType, nullable, position, rowCount, ...)
 * @param version starts at 1 and grows by one with every change that makes a change event
 * @param deleted soft-deleted: gone from the source, history kept
 */
public record Asset(
        AssetId id,
        String description,
        List<OwnerRef> owners,
        List<TagAssignment> tags,
        List<String> terms,
        String domain,
        long version,
        Instant createdAt,
        Instant updatedAt,
        boolean deleted,
        Map<String, Object> attributes) {
    public Asset {
        requireNonNull(id, "id is null");
        owners = List.copyOf(requireNonNull(owners, "owners is null"));
        tags = List.copyOf(requireNonNull(tags, "tags is null"));
        terms = List.copyOf(requireNonNull(terms, "terms is null"));
        // attribute values may be null (a column without default), so no Map.copyOf
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(attributes, "attributes is null")));
    }

    public AssetType type() {
        return id.type();
    }
}
