package io.zhongtai.service.search;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The search index and the projection that keeps it in step with the catalog
 * ({@code zhongtai.search.*}, environment {@code ZHONGTAI_SEARCH_*}).
 *
 * @param directory the embedded Lucene index's folder; {@code $ZHONGTAI_HOME/search} when not set
 * @param ramBufferMb memory the Lucene writer fills before it writes a segment
 * @param pollInterval how often the projection looks at the change log when no write told it to
 * @param batchSize change events applied and committed to the index at a time
 * @param rebuildBatchSize assets read from the catalog per page during a rebuild
 * @param replayLimit on start, an index that has never been filled is rebuilt rather than
 *     replayed when the change log holds more events than this
 */
@ConfigurationProperties("zhongtai.search")
public record SearchConfig(
        @Nullable Path directory,
        @Bindable(defaultValue = "64") int ramBufferMb,
        @Bindable(defaultValue = "1s") Duration pollInterval,
        @Bindable(defaultValue = "2000") int batchSize,
        @Bindable(defaultValue = "2000") int rebuildBatchSize,
        @Bindable(defaultValue = "20000") long replayLimit) {
    public SearchConfig {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("zhongtai.search.batch-size must be between 1 and 10000, was " + batchSize);
        }
        if (rebuildBatchSize < 1 || rebuildBatchSize > 10_000) {
            throw new IllegalArgumentException(
                    "zhongtai.search.rebuild-batch-size must be between 1 and 10000, was " + rebuildBatchSize);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("zhongtai.search.poll-interval must be positive, was " + pollInterval);
        }
    }

    /** The Lucene index's folder, under the home unless configured. */
    public Path resolvedDirectory(Path home) {
        return directory != null ? directory : home.resolve("search");
    }
}
