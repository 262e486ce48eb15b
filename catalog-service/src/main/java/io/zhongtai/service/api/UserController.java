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
import io.zhongtai.core.security.IdentityStore;
import io.zhongtai.core.security.Role;
import io.zhongtai.core.security.User;
import io.zhongtai.service.security.Principals;
import io.zhongtai.service.security.Roles;
import io.zhongtai.service.security.UserAdministration;
import java.util.Map;
import java.util.Set;

/** {@code /api/v1/users} (admins) and {@code /api/v1/me} (anyone signed in). */
@Controller("/api/v1")
@Secured(Roles.ADMIN)
public class UserController {
    private static final Set<String> FIELDS = Set.of("username", "displayName", "email", "role", "password", "disabled");

    private final IdentityStore identities;
    private final UserAdministration users;
    private final Principals principals;

    public UserController(IdentityStore identities, UserAdministration users, Principals principals) {
        this.identities = identities;
        this.users = users;
        this.principals = principals;
    }

    @Get("/users")
    public PageView<IdentityViews.UserView> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return PageView.of(identities.listUsers(PageRequest.of(page, size)), this::view);
    }

    @Post("/users")
    @Status(HttpStatus.CREATED)
    public IdentityViews.UserView create(@Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        Requests.onlyKnownFields(body, FIELDS);
        String role = Requests.string(body, "role");
        return view(users.create(
                Requests.requiredString(body, "username"),
                Requests.string(body, "displayName"),
                Requests.string(body, "email"),
                role == null ? Role.VIEWER : Role.fromValue(role),
                Requests.requiredString(body, "password"),
                Requests.actor(authentication)));
    }

    @Get("/users/{username}")
    public IdentityViews.UserView get(@PathVariable String username) {
        return view(find(username));
    }

    /** Changes the given fields; the others stay. */
    @Put("/users/{username}")
    public IdentityViews.UserView update(@PathVariable String username, @Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        Requests.onlyKnownFields(body, FIELDS);
        String bodyName = Requests.string(body, "username");
        if (bodyName != null && !bodyName.equals(username)) {
            throw CatalogException.invalid("username", "differs from the name in the path; renaming is not supported");
        }
        Object disabled = body.get("disabled");
        if (disabled != null && !(disabled instanceof Boolean)) {
            throw CatalogException.invalid("disabled", "must be true or false");
        }
        String role = Requests.string(body, "role");
        return view(users.update(
                username,
                Requests.string(body, "displayName"),
                Requests.string(body, "email"),
                role == null ? null : Role.fromValue(role),
                Requests.string(body, "password"),
                (Boolean) disabled,
                Requests.actor(authentication)));
    }

    @Delete("/users/{username}")
    public HttpResponse<Void> delete(@PathVariable String username, Authentication authentication) {
        if (username.equals(authentication.getName())) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST, "You cannot delete yourself; ask another admin");
        }
        identities.deleteUser(username, Requests.actor(authentication));
        return HttpResponse.noContent();
    }

    @Get("/me")
    @Secured(Roles.VIEWER)
    public IdentityViews.UserView me(Authentication authentication) {
        return view(find(authentication.getName()));
    }

    /** Changes one's own password, given the current one. */
    @Put("/me/password")
    @Secured(Roles.VIEWER)
    public HttpResponse<Void> changePassword(@Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        Requests.onlyKnownFields(body, Set.of("currentPassword", "newPassword"));
        User me = find(authentication.getName());
        if (!io.zhongtai.service.security.Passwords.matches(Requests.string(body, "currentPassword"), me.passwordHash())) {
            throw CatalogException.invalid("currentPassword", "does not match");
        }
        users.update(me.username(), null, null, null, Requests.requiredString(body, "newPassword"), null, Requests.actor(authentication));
        return HttpResponse.noContent();
    }

    private User find(String username) {
        return identities.findUser(username)
                .orElseThrow(() -> new CatalogException(ErrorCode.USER_NOT_FOUND, "No user named '" + username + "'"));
    }

    private IdentityViews.UserView view(User user) {
        return IdentityViews.UserView.of(user, principals.effectiveRole(user).value());
    }
}
