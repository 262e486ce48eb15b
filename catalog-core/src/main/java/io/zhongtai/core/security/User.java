package io.zhongtai.core.security;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A person or machine account. Users are also assets ({@code user:<username>}) so they can own
 * things.
 *
 * @param passwordHash a bcrypt hash; never shown by the API
 * @param role the role given to the user itself; groups may grant more
 */
public record User(
        String username,
        String displayName,
        String email,
        Role role,
        String passwordHash,
        boolean disabled,
        List<String> groups,
        Instant createdAt) {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    public User {
        validateName("username", username);
        requireNonNull(role, "role is null");
        groups = List.copyOf(requireNonNull(groups, "groups is null"));
    }

    /** User and group names: lower-case letters, digits, '.', '_' and '-', up to 64 characters. */
    public static void validateName(String field, String name) {
        if (name == null || !USERNAME.matcher(name).matches()) {
            throw CatalogException.invalid(
                    field,
                    "use 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit; was '"
                            + name + "'");
        }
    }
}
