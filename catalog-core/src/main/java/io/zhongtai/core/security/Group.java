package io.zhongtai.core.security;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * A group of users ({@code group:<name>}); it can own assets and grant its role to its members.
 *
 * @param role the role members receive through the group, or null for none
 */
public record Group(String name, String displayName, String description, Role role, List<String> members, Instant createdAt) {
    public Group {
        User.validateName("name", name);
        members = List.copyOf(requireNonNull(members, "members is null"));
    }
}
