package io.zhongtai.search.lucene;

import io.zhongtai.core.search.SearchDocument;
import io.zhongtai.search.RetailCatalog;
import java.nio.file.Path;
import java.util.List;

/**
 * Run in a child JVM by {@link LuceneCrashRecoveryTest}: writes, then dies the way kill -9 kills
 * (no shutdown hooks, no close), at the moment named by its second argument.
 */
public final class CrashingLuceneWriter {
    private CrashingLuceneWriter() {}

    public static void main(String[] arguments) {
        Path folder = Path.of(arguments[0]);
        String when = arguments[1];
        LuceneSearchIndex index = new LuceneSearchIndex(LuceneSearchIndexConfig.of(folder));
        index.upsert(RetailCatalog.documents());
        index.commit(14);
        if (when.equals("after-uncommitted-writes")) {
            index.upsert(RetailCatalog.filler(200));
            index.delete(List.of(RetailCatalog.ORDERS));
            Runtime.getRuntime().halt(137);
        }
        if (when.equals("during-rebuild")) {
            List<SearchDocument> documents = RetailCatalog.filler(1000);
            index.rebuild(documents.stream().peek(document -> {
                if (document.name().equals("stg_batch_800")) {
                    Runtime.getRuntime().halt(137);
                }
            }), 99);
        }
        throw new IllegalStateException("unknown moment " + when);
    }
}
