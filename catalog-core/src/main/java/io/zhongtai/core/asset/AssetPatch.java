package io.zhongtai.core.asset;

import java.util.List;
import java.util.Optional;

/**
 * An edit of an asset's curated metadata. Each present field replaces that field; an empty
 * {@code Optional} leaves it as it is. A present description of {@code null} clears the
 * steward's description, so the harvested one shows again.
 *
 * @param tags manual tags; automatic and propagated ones are not touched
 */
public record AssetPatch(
        Optional<Optional<String>> description,
        Optional<List<AssetId>> owners,
        Optional<List<TagAssignment>> tags,
        Optional<List<String>> terms,
        Optional<Optional<String>> domain) {
    public AssetPatch {
        description = description == null ? Optional.empty() : description;
        owners = owners == null ? Optional.empty() : owners.map(List::copyOf);
        tags = tags == null ? Optional.empty() : tags.map(List::copyOf);
        terms = terms == null ? Optional.empty() : terms.map(List::copyOf);
        domain = domain == null ? Optional.empty() : domain;
    }

    public boolean isEmpty() {
        return description.isEmpty() && owners.isEmpty() && tags.isEmpty() && terms.isEmpty() && domain.isEmpty();
    }
}
