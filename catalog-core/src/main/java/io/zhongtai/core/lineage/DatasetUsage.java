package io.zhongtai.core.lineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import java.time.LocalDate;

/**
 * Reads of a dataset on one day, from query logs: counts add up over harvests.
 *
 * @param dataset the table or view read
 * @param day the UTC day the reads were seen on
 * @param reads how many reading statements ran
 */
public record DatasetUsage(AssetId dataset, LocalDate day, long reads) {
    public DatasetUsage {
        requireNonNull(dataset, "dataset is null");
        requireNonNull(day, "day is null");
        if (reads < 0) {
            throw new IllegalArgumentException("reads must not be negative");
        }
    }
}
