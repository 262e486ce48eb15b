package io.zhongtai.core.warehouse;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A registered warehouse: one JDBC connection to one database.
 *
 * @param encryptedPassword the password as {@link io.zhongtai.core.security.SecretCipher} sealed
 *     it; never the clear text
 * @param crawl what a crawl reads and how careful it is
 * @param schedule a cron expression for scheduled crawls, or null
 */
public record Warehouse(
        String name,
        String jdbcUrl,
        String username,
        String encryptedPassword,
        Dialect dialect,
        CrawlSettings crawl,
        String schedule,
        Instant createdAt,
        Instant updatedAt) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public Warehouse {
        validateName(name);
        requireNonNull(jdbcUrl, "jdbcUrl is null");
        if (!jdbcUrl.startsWith("jdbc:")) {
            throw CatalogException.invalid("jdbcUrl", "must be a JDBC URL starting with 'jdbc:', was '" + jdbcUrl + "'");
        }
        requireNonNull(dialect, "dialect is null");
        requireNonNull(crawl, "crawl is null");
        schedule = schedule == null || schedule.isBlank() ? null : schedule;
    }

    /**
     * Warehouse names are the first segment of every identifier inside them, so they are kept
     * simple: lower-case letters, digits, '-' and '_', at most 63 characters.
     */
    public static void validateName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw CatalogException.invalid(
                    "name",
                    "a warehouse name is 1 to 63 lower-case letters, digits, '-' or '_', starting with a letter or digit; was '"
                            + name + "'");
        }
    }
}
