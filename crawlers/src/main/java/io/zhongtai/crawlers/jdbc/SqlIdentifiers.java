package io.zhongtai.crawlers.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Quotes identifiers for the SQL a harvest runs per table (row counts, profiles) with the
 * engine's own quote string, doubling any quote inside the name. The names always come from
 * the engine's catalog, never from a user; quoting keeps mixed case, spaces and Chinese names
 * exactly as stored.
 *
 * @param quote the engine's identifier quote ({@code "} or {@code `}); empty when the engine
 *     has none, and then names are used as they are
 */
public record SqlIdentifiers(String quote) {
    public SqlIdentifiers {
        requireNonNull(quote, "quote is null");
    }

    public static SqlIdentifiers of(Connection connection) throws SQLException {
        String quote = connection.getMetaData().getIdentifierQuoteString();
        // JDBC spells "quoting not supported" as a single space
        return new SqlIdentifiers(quote == null || quote.isBlank() ? "" : quote.strip());
    }

    public String quote(String identifier) {
        if (quote.isEmpty()) {
            return identifier;
        }
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    /** {@code "schema"."table"} */
    public String qualified(TableRef table) {
        return quote(table.schema()) + "." + quote(table.name());
    }
}
