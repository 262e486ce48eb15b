package io.zhongtai.core.security;

import io.zhongtai.core.CatalogException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Roles, from least to most trusted. Each role may do all that the roles before it may:
 * <ul>
 *   <li>viewer: read the catalog, lineage, metrics and reports;
 *   <li>analyst: also run metric queries and questions, parse SQL, own API tokens;
 *   <li>steward: also curate assets (descriptions, owners, tags, terms, domains), manage the
 *       glossary, tags and domains, start crawls;
 *   <li>admin: also register warehouses, manage users, groups and any token, read the audit log.
 * </ul>
 */
public enum Role {
    VIEWER,
    ANALYST,
    STEWARD,
    ADMIN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** This role and every role below it, as granted to a signed-in user. */
    public List<String> impliedRoles() {
        List<String> roles = new ArrayList<>();
        for (Role role : values()) {
            if (role.ordinal() <= ordinal()) {
                roles.add(role.value());
            }
        }
        return roles;
    }

    public static Role fromValue(String value) {
        for (Role role : values()) {
            if (role.value().equals(value)) {
                return role;
            }
        }
        throw CatalogException.invalid(
                "role",
                "unknown role '" + value + "'; known: "
                        + Arrays.stream(values()).map(Role::value).collect(Collectors.joining(", ")));
    }

    /** The most trusted of the given roles, or viewer when there are none. */
    public static Role highest(Iterable<Role> roles) {
        Role best = VIEWER;
        for (Role role : roles) {
            if (role.ordinal() > best.ordinal()) {
                best = role;
            }
        }
        return best;
    }
}
