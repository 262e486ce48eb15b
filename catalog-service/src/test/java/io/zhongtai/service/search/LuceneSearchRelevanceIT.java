package io.zhongtai.service.search;

import io.zhongtai.core.search.SearchIndex;
import io.zhongtai.search.lucene.LuceneSearchIndex;
import io.zhongtai.search.lucene.LuceneSearchIndexConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/** The relevance queries on the embedded Lucene index. */
class LuceneSearchRelevanceIT extends AbstractSearchRelevanceIT {
    @Override
    protected SearchIndex openIndex() {
        try {
            return new LuceneSearchIndex(LuceneSearchIndexConfig.of(Files.createTempDirectory("zhongtai-relevance-lucene")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
