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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.security.ApiToken;
import io.zhongtai.core.security.IdentityStore;
import io.zhongtai.service.security.ApiTokens;
import io.zhongtai.service.security.Roles;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /api/v1/tokens}: long-lived API tokens for machine clients. Analysts and above own
 * tokens; each owner sees and revokes its own, admins anyone's.
 */
@Controller("/api/v1/tokens")
@Secured(Roles.ANALYST)
public class TokenController {
    private static final int MAX_DAYS = 3650;

    private final IdentityStore identities;
    private final ApiTokens tokens;

    public TokenController(IdentityStore identities, ApiTokens tokens) {
        this.identities = identities;
        this.tokens = tokens;
    }

    @Get
    public List<IdentityViews.TokenView> list(@Nullable @QueryValue String owner, Authentication authentication) {
        boolean admin = Requests.hasRole(authentication, Roles.ADMIN);
        String whose = admin ? owner : authentication.getName();
        return identities.listTokens(whose).stream().map(token -> IdentityViews.TokenView.of(token, null)).toList();
    }

    /** Body {@code {"name", "expiresInDays"}}; the answer holds the secret, shown this once. */
    @Post
    @Status(HttpStatus.CREATED)
    public IdentityViews.TokenView create(@Body String json, Authentication authentication) {
        Map<String, Object> body = Requests.object(json);
        Requests.onlyKnownFields(body, Set.of("name", "expiresInDays"));
        Object days = body.get("expiresInDays");
        Duration lifetime = null;
        if (days != null) {
            if (!(days instanceof Integer count) || count < 1 || count > MAX_DAYS) {
                throw CatalogException.invalid("expiresInDays", "a whole number of days from 1 to " + MAX_DAYS + ", or absent for no expiry");
            }
            lifetime = Duration.ofDays(count);
        }
        ApiTokens.Created created = tokens.create(authentication.getName(), Requests.requiredString(body, "name"), lifetime);
        return IdentityViews.TokenView.of(created.token(), created.secret());
    }

    @Delete("/{id}")
    public HttpResponse<Void> revoke(@PathVariable String id, Authentication authentication) {
        ApiToken token = identities.findToken(id)
                .filter(found -> found.owner().equals(authentication.getName()) || Requests.hasRole(authentication, Roles.ADMIN))
                .orElseThrow(() -> new CatalogException(ErrorCode.TOKEN_NOT_FOUND, "No API token of yours with id '" + id + "'"));
        identities.revokeToken(token.id());
        return HttpResponse.noContent();
    }
}
