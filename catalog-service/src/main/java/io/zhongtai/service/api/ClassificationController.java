package io.zhongtai.service.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.PageRequest;
import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.asset.Classification;
import io.zhongtai.core.asset.OwnerRef;
import io.zhongtai.service.security.Roles;
import java.util.Map;
import java.util.Set;

/**
 * Glossary terms, tags and domains share one shape and one set of routes; each subclass names
 * its path and type. Everyone reads them; stewards change them.
 */
@Secured(Roles.VIEWER)
public abstract class ClassificationController {
    private static final Set<String> FIELDS = Set.of("name", "description", "synonyms", "owners", "propagate");

    private final CatalogStore store;
    private final AssetType type;

    protected ClassificationController(CatalogStore store, AssetType type) {
        this.store = store;
        this.type = type;
    }

    @Get
    public PageView<ClassificationView> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return PageView.of(store.listClassifications(type, PageRequest.of(page, size)), ClassificationView::of);
    }

    @Post
    @Status(HttpStatus.CREATED)
    @Secured(Roles.STEWARD)
    public ClassificationView create(@Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        Requests.onlyKnownFields(body, FIELDS);
        String name = Requests.requiredString(body, "name");
        return ClassificationView.of(store.createClassification(fromBody(name, body), Requests.actor(authentication)));
    }

    @Get("/{name}")
    public ClassificationView get(@PathVariable String name) {
        AssetId id = id(name);
        return store.findClassification(id)
                .map(ClassificationView::of)
                .orElseThrow(() -> new CatalogException(ErrorCode.ASSET_NOT_FOUND, "No " + id));
    }

    /** Creates or replaces; the name is the one in the path. */
    @Put("/{name}")
    @Secured(Roles.STEWARD)
    public ClassificationView put(@PathVariable String name, @Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        Requests.onlyKnownFields(body, FIELDS);
        String bodyName = Requests.string(body, "name");
        if (bodyName != null && !bodyName.equals(name)) {
            throw CatalogException.invalid("name", "differs from the name in the path ('" + name + "'); renaming is not supported");
        }
        return ClassificationView.of(store.putClassification(fromBody(name, body), Requests.actor(authentication)));
    }

    @Delete("/{name}")
    @Secured(Roles.STEWARD)
    public HttpResponse<Void> delete(@PathVariable String name, Authentication authentication) {
        store.deleteClassification(id(name), Requests.actor(authentication));
        return HttpResponse.noContent();
    }

    private AssetId id(String name) {
        if (name == null || name.isBlank()) {
            throw CatalogException.invalid("name", "is required");
        }
        return AssetId.of(type, name.strip());
    }

    private Classification fromBody(String name, Map<String, Object> body) {
        return new Classification(
                id(name),
                Requests.string(body, "description"),
                Requests.strings(body, "synonyms"),
                Requests.strings(body, "owners").stream()
                        .map(owner -> {
                            AssetId ownerId = AssetId.parse(owner);
                            if (ownerId.type() != AssetType.USER && ownerId.type() != AssetType.GROUP) {
                                throw CatalogException.invalid("owners", "an owner is a user or a group, not " + ownerId);
                            }
                            return new OwnerRef(ownerId, null);
                        })
                        .toList(),
                0,
                null,
                0,
                Boolean.TRUE.equals(Requests.bool(body, "propagate")));
    }
}
