package io.zhongtai.service.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.zhongtai.core.CatalogException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Password hashing (bcrypt, cost 10) and the rules a new password must meet. */
public final class Passwords {
    private static final int COST = 10;
    public static final int MINIMUM_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; longer passwords would be silently cut. */
    public static final int MAXIMUM_BYTES = 72;

    private Passwords() {}

    public static String hash(String password) {
        check(password);
        return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
    }

    public static boolean matches(String password, String hash) {
        if (password == null || hash == null || password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    public static void check(String password) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            throw CatalogException.invalid("password", "must have at least " + MINIMUM_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
            throw CatalogException.invalid("password", "must be at most " + MAXIMUM_BYTES + " bytes in UTF-8");
        }
    }

    public static String generate() {
        byte[] random = new byte[15];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
