package io.zhongtai.service.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetPatch;
import io.zhongtai.core.asset.AssetQuery;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.asset.TagAssignment;
import io.zhongtai.core.asset.TagSource;
import io.zhongtai.service.security.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code /api/v1/assets}: browse assets, read one with its columns, curate it, read its history. */
@Controller("/api/v1/assets")
@Secured(Roles.VIEWER)
public class AssetController {
    private static final Set<String> PATCH_FIELDS = Set.of("description", "owners", "tags", "terms", "domain");

    private final CatalogStore store;

    public AssetController(CatalogStore store) {
        this.store = store;
    }

    @Get
    public PageView<AssetView> list(
            @Nullable @QueryValue String type,
            @Nullable @QueryValue String warehouse,
            @Nullable @QueryValue String q,
            @Nullable @QueryValue Boolean includeDeleted,
            @Nullable @QueryValue Integer page,
            @Nullable @QueryValue Integer size) {
        AssetQuery query = new AssetQuery(
                type == null || type.isBlank() ? null : AssetType.fromValue(type),
                warehouse == null || warehouse.isBlank() ? null : warehouse,
                q,
                Boolean.TRUE.equals(includeDeleted));
        return PageView.of(store.listAssets(query, PageRequest.of(page, size)), AssetView::of);
    }

    @Get("/{id}")
    public AssetView get(@PathVariable String id) {
        AssetId assetId = Identifiers.fromPath(id);
        return store.findAsset(assetId)
                .map(AssetView::of)
                .orElseThrow(() -> new CatalogException(ErrorCode.ASSET_NOT_FOUND, "No asset " + assetId));
    }

    /** Each given field replaces that field; the others stay. */
    @Patch("/{id}")
    @Secured(Roles.STEWARD)
    public AssetView patch(@PathVariable String id, @Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        AssetId assetId = Identifiers.fromPath(id);
        Requests.onlyKnownFields(body, PATCH_FIELDS);
        AssetPatch patch = new AssetPatch(
                body.containsKey("description")
                        ? Optional.of(Optional.ofNullable(Requests.string(body, "description")))
                        : Optional.empty(),
                body.containsKey("owners") ? Optional.of(owners(Requests.list(body, "owners"))) : Optional.empty(),
                body.containsKey("tags") ? Optional.of(tags(Requests.list(body, "tags"))) : Optional.empty(),
                body.containsKey("terms") ? Optional.of(Requests.strings(body, "terms")) : Optional.empty(),
                body.containsKey("domain") ? Optional.of(Optional.ofNullable(Requests.string(body, "domain"))) : Optional.empty());
        if (patch.isEmpty()) {
            throw new CatalogException(
                    ErrorCode.INVALID_REQUEST, "Nothing to change: give one or more of " + String.join(", ", PATCH_FIELDS));
        }
        store.patchAsset(assetId, patch, Requests.actor(authentication));
        return get(id);
    }

    @Get("/{id}/history")
    public PageView<ChangeEventView> history(
            @PathVariable String id, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return PageView.of(store.history(Identifiers.fromPath(id), PageRequest.of(page, size)), ChangeEventView::of);
    }

    /** Owners as identifiers ({@code "user:alice"}) or objects with an {@code id}. */
    private static List<AssetId> owners(List<?> values) {
        List<AssetId> owners = new ArrayList<>();
        for (Object value : values) {
            String text = value instanceof Map<?, ?> map ? (map.get("id") instanceof String s ? s : null) : value instanceof String s ? s : null;
            if (text == null) {
                throw CatalogException.invalid("owners", "each owner is an identifier such as \"user:alice\" or {\"id\": \"group:data-team\"}");
            }
            AssetId owner = AssetId.parse(text);
            if (owner.type() != AssetType.USER && owner.type() != AssetType.GROUP) {
                throw CatalogException.invalid("owners", "an owner is a user or a group, not " + owner);
            }
            owners.add(owner);
        }
        return owners;
    }

    /** Tags as names ({@code "pii"}) or objects {@code {"name": "pii", "kind": "email"}}; all manual. */
    private static List<TagAssignment> tags(List<?> values) {
        List<TagAssignment> tags = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof String name && !name.isBlank()) {
                tags.add(new TagAssignment(name, null, TagSource.MANUAL));
            } else if (value instanceof Map<?, ?> map && map.get("name") instanceof String name && !name.isBlank()) {
                Object kind = map.get("kind");
                if (kind != null && !(kind instanceof String)) {
                    throw CatalogException.invalid("tags", "a tag's kind is a string");
                }
                tags.add(new TagAssignment(name, (String) kind, TagSource.MANUAL));
            } else {
                throw CatalogException.invalid("tags", "each tag is a name such as \"pii\" or {\"name\": \"pii\", \"kind\": \"email\"}");
            }
        }
        return tags;
    }
}
