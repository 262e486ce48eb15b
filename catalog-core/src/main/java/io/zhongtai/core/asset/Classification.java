package io.zhongtai.core.asset;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A glossary term, a tag or a domain: a named thing that assets are linked to.
 *
 * @param id {@code term:<name>}, {@code tag:<name>} or {@code domain:<name>}
 * @param synonyms other names for it (a glossary term's abbreviations, Chinese names)
 * @param usage how many live assets carry it
 */
public record Classification(
        AssetId id,
        String description,
        List<String> synonyms,
        List<OwnerRef> owners,
        long version,
        Instant updatedAt,
        long usage) {
    public static final List<AssetType> TYPES = List.of(AssetType.TERM, AssetType.TAG, AssetType.DOMAIN);

    public Classification {
        requireNonNull(id, "id is null");
        if (!TYPES.contains(id.type())) {
            throw new IllegalArgumentException("not a term, tag or domain: " + id);
        }
        synonyms = List.copyOf(requireNonNull(synonyms, "synonyms is null"));
        owners = List.copyOf(requireNonNull(owners, "owners is null"));
    }

    public String name() {
        return id.name();
    }
}
