package io.zhongtai.metrics.query;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.security.Role;
import java.util.List;
import java.util.Map;

/**
 * Who asks a metric query, for permissions: the user, the role, the groups and the user's
 * attributes ({@code region: East}) that row filters may read.
 */
public record Caller(String user, Role role, List<String> groups, Map<String, String> attributes) {
    public Caller {
        requireNonNull(user, "user is null");
        requireNonNull(role, "role is null");
        groups = List.copyOf(groups == null ? List.of() : groups);
        attributes = Map.copyOf(attributes == null ? Map.of() : attributes);
    }

    /** A caller that no policy restricts: Zhongtai itself (demo set-up, benchmarks, tests). */
    public static Caller system() {
        return new Caller("system", Role.ADMIN, List.of(), Map.of());
    }
}
