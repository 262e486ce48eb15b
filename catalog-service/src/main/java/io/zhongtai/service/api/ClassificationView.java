package io.zhongtai.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zhongtai.core.asset.Classification;
import java.time.Instant;
import java.util.List;

/** A glossary term, tag or domain as the API shows it. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ClassificationView(
        String id,
        String type,
        String name,
        String description,
        List<String> synonyms,
        List<AssetView.OwnerView> owners,
        long version,
        Instant updatedAt,
        long usage,
        boolean propagate) {
    static ClassificationView of(Classification classification) {
        return new ClassificationView(
                classification.id().toString(),
                classification.id().type().value(),
                classification.name(),
                classification.description(),
                classification.synonyms(),
                classification.owners().stream().map(AssetView.OwnerView::of).toList(),
                classification.version(),
                classification.updatedAt(),
                classification.usage(),
                classification.propagate());
    }
}
