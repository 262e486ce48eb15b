package io.zhongtai.service.security;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.security.IdentityStore;
import io.zhongtai.core.security.Role;
import io.zhongtai.core.security.User;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creating and changing users, with password rules and the first admin. */
@Singleton
public class UserAdministration {
    private static final Logger LOG = LoggerFactory.getLogger(UserAdministration.class);
    public static final String FIRST_ADMIN = "admin";

    private final IdentityStore identities;
    private final Clock clock;

    public UserAdministration(IdentityStore identities, Clock clock) {
        this.identities = identities;
        this.clock = clock;
    }

    public User create(String username, String displayName, String email, Role role, String password, Actor actor) {
        User.validateName("username", username);
        return identities.createUser(
                new User(username, displayName, email, role, Passwords.hash(password), false, List.of(), clock.instant()), actor);
    }

    /** Changes what is given (null leaves a field as it is). */
    public User update(
            String username, String displayName, String email, Role role, String password, Boolean disabled, Actor actor) {
        User existing = identities.findUser(username)
                .orElseThrow(() -> new CatalogException(ErrorCode.USER_NOT_FOUND, "No user named '" + username + "'"));
        if (username.equals(actor.name()) && ((role != null && role != Role.ADMIN && existing.role() == Role.ADMIN)
                || Boolean.TRUE.equals(disabled))) {
            throw new CatalogException(
                    ErrorCode.INVALID_REQUEST, "You cannot demote or disable yourself; ask another admin");
        }
        return identities.updateUser(
                new User(
                        username,
                        displayName != null ? displayName : existing.displayName(),
                        email != null ? email : existing.email(),
                        role != null ? role : existing.role(),
                        password != null ? Passwords.hash(password) : existing.passwordHash(),
                        disabled != null ? disabled : existing.disabled(),
                        existing.groups(),
                        existing.createdAt()),
                actor);
    }

    /**
     * Makes sure the first admin exists. Its password comes from configuration, or is generated
     * and printed once (returned here so the caller prints it).
     */
    public Optional<String> ensureFirstAdmin(String configuredPassword) {
        if (identities.findUser(FIRST_ADMIN).isPresent()) {
            return Optional.empty();
        }
        boolean generated = configuredPassword == null || configuredPassword.isBlank();
        String password = generated ? Passwords.generate() : configuredPassword;
        create(FIRST_ADMIN, "Administrator", null, Role.ADMIN, password, Actor.SYSTEM);
        LOG.info("Created the first admin user '{}'", FIRST_ADMIN);
        return generated ? Optional.of(password) : Optional.empty();
    }
}
