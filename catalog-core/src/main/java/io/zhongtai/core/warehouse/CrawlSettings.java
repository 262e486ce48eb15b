package io.zhongtai.core.warehouse;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import java.util.List;

/**
 * How a warehouse is crawled.
 *
 * @param includeSchemas glob patterns ({@code *}, {@code ?}) of schemas to read; all when empty
 * @param excludeSchemas schemas never read, even when included
 * @param includeTables patterns of tables to read, matched against {@code schema.table} and
 *     against the bare table name; all when empty
 * @param excludeTables tables never read
 * @param profileColumns sample each column for null share, distinct count, min, max, top values
 * @param profileSampleRows how many rows a profile samples at most
 * @param maxRemovalShare a crawl that would remove more than this share of the warehouse's
 *     assets stops instead (a dropped schema, a lost permission); from 0 to 1
 */
public record CrawlSettings(
        List<String> includeSchemas,
        List<String> excludeSchemas,
        List<String> includeTables,
        List<String> excludeTables,
        boolean profileColumns,
        int profileSampleRows,
        double maxRemovalShare) {
    public static final int DEFAULT_SAMPLE_ROWS = 10_000;
    public static final double DEFAULT_MAX_REMOVAL_SHARE = 0.2;
    public static final CrawlSettings DEFAULT =
            new CrawlSettings(List.of(), List.of(), List.of(), List.of(), false, DEFAULT_SAMPLE_ROWS, DEFAULT_MAX_REMOVAL_SHARE);

    public CrawlSettings {
        includeSchemas = List.copyOf(requireNonNull(includeSchemas, "includeSchemas is null"));
        excludeSchemas = List.copyOf(requireNonNull(excludeSchemas, "excludeSchemas is null"));
        includeTables = List.copyOf(requireNonNull(includeTables, "includeTables is null"));
        excludeTables = List.copyOf(requireNonNull(excludeTables, "excludeTables is null"));
        if (profileSampleRows < 1 || profileSampleRows > 10_000_000) {
            throw CatalogException.invalid("profileSampleRows", "must be between 1 and 10,000,000, was " + profileSampleRows);
        }
        if (!(maxRemovalShare >= 0 && maxRemovalShare <= 1)) {
            throw CatalogException.invalid("maxRemovalShare", "is a share from 0 to 1 (0.2 is 20%), was " + maxRemovalShare);
        }
    }

    /** Only the schema patterns differ from the defaults. */
    public static CrawlSettings schemas(List<String> include, List<String> exclude) {
        return new CrawlSettings(include, exclude, List.of(), List.of(), false, DEFAULT_SAMPLE_ROWS, DEFAULT_MAX_REMOVAL_SHARE);
    }
}
