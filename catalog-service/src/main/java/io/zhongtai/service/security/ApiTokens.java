package io.zhongtai.service.security;

import io.zhongtai.core.security.ApiToken;
import io.zhongtai.core.security.IdentityStore;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Long-lived API tokens: {@code ztk_} followed by 32 random bytes. Only the SHA-256 of the
 * secret is stored (the secret has full entropy, so a slow hash adds nothing), and the secret
 * is shown once.
 */
@Singleton
public final class ApiTokens {
    public static final String PREFIX = "ztk_";

    private final IdentityStore identities;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokens(IdentityStore identities, Clock clock) {
        this.identities = identities;
        this.clock = clock;
    }

    /** A created token and its secret, which is never available again. */
    public record Created(ApiToken token, String secret) {}

    public Created create(String owner, String name, Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ApiToken token = new ApiToken(
                UUID.randomUUID().toString(), owner, name, hash(secret), now, lifetime == null ? null : now.plus(lifetime), null);
        return new Created(identities.createToken(token), secret);
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
