package io.zhongtai.service.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.zhongtai.core.security.ApiToken;
import io.zhongtai.core.security.Group;
import io.zhongtai.core.security.User;
import java.time.Instant;
import java.util.List;

/** Users, groups and tokens as the API shows them: never a password hash or a token's secret hash. */
final class IdentityViews {
    private IdentityViews() {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record UserView(
            String id, String username, String displayName, String email, String role, String effectiveRole,
            boolean disabled, List<String> groups, Instant createdAt) {
        static UserView of(User user, String effectiveRole) {
            return new UserView(
                    "user:" + user.username(),
                    user.username(),
                    user.displayName(),
                    user.email(),
                    user.role().value(),
                    effectiveRole,
                    user.disabled(),
                    user.groups(),
                    user.createdAt());
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GroupView(String id, String name, String displayName, String description, String role, List<String> members, Instant createdAt) {
        static GroupView of(Group group) {
            return new GroupView(
                    "group:" + group.name(),
                    group.name(),
                    group.displayName(),
                    group.description(),
                    group.role() == null ? null : group.role().value(),
                    group.members(),
                    group.createdAt());
        }
    }

    /** {@code token} is set only in the answer to its creation. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TokenView(String id, String owner, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, String token) {
        static TokenView of(ApiToken token, String secret) {
            return new TokenView(
                    token.id(), token.owner(), token.name(), token.createdAt(), token.expiresAt(), token.lastUsedAt(), secret);
        }
    }
}
