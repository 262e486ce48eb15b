package io.zhongtai.search.lucene;

import io.zhongtai.core.search.SearchIndex;
import io.zhongtai.search.AbstractSearchIndexContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a real Lucene index in a temporary folder; one folder per index name. */
class LuceneSearchIndexTest extends AbstractSearchIndexContractTest {
    @TempDir
    static Path folder;

    @Override
    protected SearchIndex open(String name) {
        return new LuceneSearchIndex(LuceneSearchIndexConfig.of(folder.resolve(name)));
    }
}
