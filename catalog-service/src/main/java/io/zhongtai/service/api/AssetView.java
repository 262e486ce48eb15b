package io.zhongtai.service.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.zhongtai.core.asset.Asset;
import io.zhongtai.core.asset.AssetDetail;
import io.zhongtai.core.asset.ForeignKey;
import io.zhongtai.core.asset.OwnerRef;
import io.zhongtai.core.asset.TagAssignment;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An asset as API.md shapes it. The type's harvested facts (a column's {@code dataType},
 * {@code nullable}, {@code position}; a table's {@code rowCount}) are top-level fields.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AssetView(
        String id,
        String type,
        String name,
        String qualifiedName,
        String warehouse,
        String description,
        List<OwnerView> owners,
        List<TagView> tags,
        List<String> terms,
        String domain,
        long version,
        Instant createdAt,
        Instant updatedAt,
        boolean deleted,
        @JsonIgnore Map<String, Object> attributes,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AssetView> columns,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ForeignKeyView> foreignKeys) {

    @JsonAnyGetter
    public Map<String, Object> attributeFields() {
        return attributes;
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OwnerView(String id, String name) {
        static OwnerView of(OwnerRef owner) {
            return new OwnerView(owner.id().toString(), owner.name());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TagView(String name, String kind, String source) {
        static TagView of(TagAssignment tag) {
            return new TagView(tag.name(), tag.kind(), tag.source().value());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ForeignKeyView(String name, List<String> columns, List<String> references) {
        static ForeignKeyView of(ForeignKey key) {
            return new ForeignKeyView(
                    key.name(),
                    key.columns().stream().map(Object::toString).toList(),
                    key.referencedColumns().stream().map(Object::toString).toList());
        }
    }

    public static AssetView of(Asset asset) {
        return of(asset, null, null);
    }

    public static AssetView of(AssetDetail detail) {
        boolean dataset = detail.asset().type().isDataset();
        return of(
                detail.asset(),
                dataset ? detail.columns().stream().map(AssetView::of).toList() : null,
                dataset ? detail.foreignKeys().stream().map(ForeignKeyView::of).toList() : null);
    }

    private static AssetView of(Asset asset, List<AssetView> columns, List<ForeignKeyView> foreignKeys) {
        return new AssetView(
                asset.id().toString(),
                asset.type().value(),
                asset.id().name(),
                asset.id().qualifiedName(),
                asset.id().warehouse(),
                asset.description(),
                asset.owners().stream().map(OwnerView::of).toList(),
                asset.tags().stream().map(TagView::of).toList(),
                asset.terms(),
                asset.domain(),
                asset.version(),
                asset.createdAt(),
                asset.updatedAt(),
                asset.deleted(),
                asset.attributes(),
                columns,
                foreignKeys);
    }
}
