package io.zhongtai.core.security;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A long-lived token for machine clients. Only a hash of the secret is stored; the secret is
 * shown once, when the token is created.
 *
 * @param expiresAt null for a token that does not expire
 */
public record ApiToken(
        String id, String owner, String name, String secretHash, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    public ApiToken {
        requireNonNull(id, "id is null");
        requireNonNull(owner, "owner is null");
        requireNonNull(name, "name is null");
        requireNonNull(secretHash, "secretHash is null");
        requireNonNull(createdAt, "createdAt is null");
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
