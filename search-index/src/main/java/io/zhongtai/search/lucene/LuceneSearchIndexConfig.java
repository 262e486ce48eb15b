package io.zhongtai.search.lucene;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import java.nio.file.Path;

/**
 * Where and how the embedded Lucene index lives.
 *
 * @param directory the index's own folder (it holds one sub-folder per generation and a pointer
 *     to the current one); created when missing
 * @param ramBufferMegabytes memory for documents before they are flushed to a segment: more
 *     makes bulk indexing and rebuilds faster
 */
public record LuceneSearchIndexConfig(Path directory, int ramBufferMegabytes) {
    public static final int DEFAULT_RAM_BUFFER_MEGABYTES = 64;

    public LuceneSearchIndexConfig {
        requireNonNull(directory, "directory is null");
        if (ramBufferMegabytes < 1 || ramBufferMegabytes > 2048) {
            throw CatalogException.invalid("ramBufferMegabytes", "must be between 1 and 2048, was " + ramBufferMegabytes);
        }
    }

    public static LuceneSearchIndexConfig of(Path directory) {
        return new LuceneSearchIndexConfig(directory, DEFAULT_RAM_BUFFER_MEGABYTES);
    }
}
