package io.zhongtai.core.security;

import io.zhongtai.core.Actor;
import io.zhongtai.core.Page;
import io.zhongtai.core.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Users, groups and API tokens. Creating a user or group also creates its asset so it can own
 * things; conflicts (a taken name) and unknown names are reported as {@link
 * io.zhongtai.core.CatalogException}s.
 */
public interface IdentityStore {
    User createUser(User user, Actor actor);

    /** Replaces display name, email, role, password hash and disabled flag. */
    User updateUser(User user, Actor actor);

    Optional<User> findUser(String username);

    Page<User> listUsers(PageRequest page);

    /** Deletes the user, its group memberships and its API tokens; its owned assets lose it as owner. */
    void deleteUser(String username, Actor actor);

    Group createGroup(Group group, Actor actor);

    /** Replaces display name, description, role and members (who must all exist). */
    Group updateGroup(Group group, Actor actor);

    Optional<Group> findGroup(String name);

    Page<Group> listGroups(PageRequest page);

    void deleteGroup(String name, Actor actor);

    /** Roles granted to the user through its groups. */
    List<Role> groupRoles(String username);

    ApiToken createToken(ApiToken token);

    Optional<ApiToken> findTokenBySecretHash(String secretHash);

    Optional<ApiToken> findToken(String id);

    List<ApiToken> listTokens(String owner);

    void revokeToken(String id);

    void touchToken(String id, Instant usedAt);
}
