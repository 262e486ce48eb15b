package io.zhongtai.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.search.SearchHit;
import io.zhongtai.core.search.SearchQuery;
import io.zhongtai.search.RetailCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the projection relies on after a crash: a process killed between writes and their
 * commit, or in the middle of a rebuild, leaves an index that opens, holds exactly what was
 * committed and reports the sequence of that commit. The crashes are real: a child JVM halts
 * without closing anything, as kill -9 would stop it.
 */
class LuceneCrashRecoveryTest {
    @TempDir
    Path folder;

    @Test
    void uncommittedWritesAreLostAndTheSequenceSaysSo() throws Exception {
        crash("after-uncommitted-writes");
        try (LuceneSearchIndex index = new LuceneSearchIndex(LuceneSearchIndexConfig.of(folder))) {
            assertThat(index.appliedSequence()).isEqualTo(14);
            assertThat(index.documentCount()).isEqualTo(14);
            assertThat(ids(index, "orders")).first().isEqualTo(RetailCatalog.ORDERS.toString());
            // the projection replays from 14: the same writes, applied again, land once
            index.upsert(RetailCatalog.filler(200));
            index.upsert(RetailCatalog.filler(200));
            index.commit(16);
            assertThat(index.documentCount()).isEqualTo(214);
        }
    }

    @Test
    void aRebuildKilledHalfwayLeavesTheOldIndexAndItsSequence() throws Exception {
        crash("during-rebuild");
        try (Stream<Path> entries = Files.list(folder)) {
            assertThat(entries.map(path -> path.getFileName().toString())).contains("index-000001", "index-000002");
        }
        try (LuceneSearchIndex index = new LuceneSearchIndex(LuceneSearchIndexConfig.of(folder))) {
            assertThat(index.appliedSequence()).isEqualTo(14);
            assertThat(index.documentCount()).isEqualTo(14);
            assertThat(ids(index, "orders")).first().isEqualTo(RetailCatalog.ORDERS.toString());
            // the half-built generation is removed on open, and the next rebuild succeeds
            assertThat(Files.exists(folder.resolve("index-000002"))).isFalse();
            index.rebuild(RetailCatalog.filler(10).stream(), 20);
            assertThat(index.documentCount()).isEqualTo(10);
        }
        try (LuceneSearchIndex reopened = new LuceneSearchIndex(LuceneSearchIndexConfig.of(folder))) {
            assertThat(reopened.appliedSequence()).isEqualTo(20);
            assertThat(Files.readString(folder.resolve("CURRENT"))).isEqualTo("index-000002");
        }
    }

    @Test
    void refusesASecondWriterOnTheSameFolderAndUseAfterClose() {
        LuceneSearchIndex first = new LuceneSearchIndex(LuceneSearchIndexConfig.of(folder));
        assertThatThrownBy(() -> new LuceneSearchIndex(LuceneSearchIndexConfig.of(folder)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("in use by another process");
        first.close();
        assertThatThrownBy(() -> first.search(SearchQuery.of("orders"))).hasMessageContaining("closed");
        first.close(); // twice is fine
    }

    @Test
    void reportsADamagedPointerWithWhatToDo() throws IOException {
        new LuceneSearchIndex(LuceneSearchIndexConfig.of(folder)).close();
        Files.writeString(folder.resolve("CURRENT"), "index-000042");
        assertThatThrownBy(() -> new LuceneSearchIndex(LuceneSearchIndexConfig.of(folder)))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("rebuild the index");
    }

    private void crash(String when) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(
                        java.toString(), "-cp", System.getProperty("java.class.path"), CrashingLuceneWriter.class.getName(),
                        folder.toString(), when)
                .redirectErrorStream(true)
                .start();
        String output = new String(child.getInputStream().readAllBytes());
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("child output: %s", output).isEqualTo(137);
    }

    private static List<String> ids(LuceneSearchIndex index, String text) {
        return index.search(SearchQuery.of(text)).hits().stream().map(SearchHit::id).map(Object::toString).toList();
    }
}
