package io.zhongtai.service.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
import io.zhongtai.core.security.Group;
import io.zhongtai.core.security.IdentityStore;
import io.zhongtai.core.security.Role;
import io.zhongtai.service.security.Roles;
import java.time.Clock;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/groups}: admins manage groups; anyone signed in may read them (they own assets). */
@Controller("/api/v1/groups")
@Secured(Roles.ADMIN)
public class GroupController {
    private static final Set<String> FIELDS = Set.of("name", "displayName", "description", "role", "members");

    private final IdentityStore identities;
    private final Clock clock;

    public GroupController(IdentityStore identities, Clock clock) {
        this.identities = identities;
        this.clock = clock;
    }

    @Get
    @Secured(Roles.VIEWER)
    public PageView<IdentityViews.GroupView> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return PageView.of(identities.listGroups(PageRequest.of(page, size)), IdentityViews.GroupView::of);
    }

    @Post
    @Status(HttpStatus.CREATED)
    public IdentityViews.GroupView create(@Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        return IdentityViews.GroupView.of(identities.createGroup(group(Requests.requiredString(body, "name"), body), Requests.actor(authentication)));
    }

    @Get("/{name}")
    @Secured(Roles.VIEWER)
    public IdentityViews.GroupView get(@PathVariable String name) {
        return identities.findGroup(name)
                .map(IdentityViews.GroupView::of)
                .orElseThrow(() -> new CatalogException(ErrorCode.GROUP_NOT_FOUND, "No group named '" + name + "'"));
    }

    @Put("/{name}")
    public IdentityViews.GroupView update(@PathVariable String name, @Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        String bodyName = Requests.string(body, "name");
        if (bodyName != null && !bodyName.equals(name)) {
            throw CatalogException.invalid("name", "differs from the name in the path; renaming is not supported");
        }
        return IdentityViews.GroupView.of(identities.updateGroup(group(name, body), Requests.actor(authentication)));
    }

    @Delete("/{name}")
    public HttpResponse<Void> delete(@PathVariable String name, Authentication authentication) {
        identities.deleteGroup(name, Requests.actor(authentication));
        return HttpResponse.noContent();
    }

    private Group group(String name, Map<String, Object> body) {
        Requests.onlyKnownFields(body, FIELDS);
        String role = Requests.string(body, "role");
        return new Group(
                name,
                Requests.string(body, "displayName"),
                Requests.string(body, "description"),
                role == null ? null : Role.fromValue(role),
                Requests.strings(body, "members"),
                clock.instant());
    }
}
