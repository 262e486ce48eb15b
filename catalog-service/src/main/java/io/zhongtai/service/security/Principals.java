package io.zhongtai.service.security;

import io.micronaut.security.authentication.Authentication;
import io.zhongtai.core.security.IdentityStore;
import io.zhongtai.core.security.Role;
import io.zhongtai.core.security.User;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a stored user into the authentication a request carries: its effective role and all below it. */
@Singleton
public final class Principals {
    public static final String ROLE_CLAIM = "role";

    private final IdentityStore identities;

    public Principals(IdentityStore identities) {
        this.identities = identities;
    }

    /** The user's own role or the highest one a group grants, whichever is higher. */
    public Role effectiveRole(User user) {
        List<Role> roles = new ArrayList<>(identities.groupRoles(user.username()));
        roles.add(user.role());
        return Role.highest(roles);
    }

    public Authentication authentication(User user) {
        Role role = effectiveRole(user);
        return Authentication.build(user.username(), role.impliedRoles(), Map.of(ROLE_CLAIM, role.value()));
    }
}
