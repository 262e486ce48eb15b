package io.zhongtai.testing;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * Names and passwords for the databases and logins the testing servers hand out. Names are
 * plain lower-case identifiers so they need no quoting in any engine's DDL.
 */
final class DatabaseNames {
    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,30}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AtomicInteger counter = new AtomicInteger();

    /** {@code prefix_n}, unique on this server for the life of the JVM that started it. */
    String next(String prefix) {
        String normalized = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT);
        if (!PREFIX.matcher(normalized).matches()) {
            throw new IllegalArgumentException(
                    "a database prefix is a lower-case letter then up to 30 letters, digits or '_', was '" + prefix + "'");
        }
        return normalized + "_" + counter.incrementAndGet();
    }

    static String password() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
