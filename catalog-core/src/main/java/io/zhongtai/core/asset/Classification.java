package io.zhongtai.core.asset;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import java.time.Instant;
import java.util.List;

/**
 * A glossary term, a tag or a domain: a named thing that assets are linked to.
 *
 * @param id {@code term:<name>}, {@code tag:<name>} or {@code domain:<name>}
 * @param synonyms other names for it (a glossary term's abbreviations, Chinese names)
 * @param usage how many live assets carry it
 * @param propagate for a tag: whether it flows downstream along column lineage (the {@code pii}
 *     tag always does); false for terms and domains
 */
public record Classification(
        AssetId id,
        String description,
        List<String> synonyms,
        List<OwnerRef> owners,
        long version,
        Instant updatedAt,
        long usage,
        boolean propagate) {
    public static final List<AssetType> TYPES = List.of(AssetType.TERM, AssetType.TAG, AssetType.DOMAIN);

    public Classification {
        requireNonNull(id, "id is null");
        if (!TYPES.contains(id.type())) {
            throw new IllegalArgumentException("not a term, tag or domain: " + id);
        }
        synonyms = List.copyOf(requireNonNull(synonyms, "synonyms is null"));
        owners = List.copyOf(requireNonNull(owners, "owners is null"));
        if (propagate && id.type() != AssetType.TAG) {
            throw CatalogException.invalid("propagate", "only tags propagate, not " + id.type().value() + "s");
        }
    }

    /** A term, tag or domain that does not propagate. */
    public Classification(
            AssetId id, String description, List<String> synonyms, List<OwnerRef> owners, long version, Instant updatedAt, long usage) {
        this(id, description, synonyms, owners, version, updatedAt, usage, false);
    }

    public String name() {
        return id.name();
    }
}
