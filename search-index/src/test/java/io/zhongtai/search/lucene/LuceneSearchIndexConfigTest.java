package io.zhongtai.search.lucene;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LuceneSearchIndexConfigTest {
    @Test
    void defaultsToA64MegabyteBuffer() {
        LuceneSearchIndexConfig config = LuceneSearchIndexConfig.of(Path.of("/var/zhongtai/search"));
        assertThat(config.directory()).isEqualTo(Path.of("/var/zhongtai/search"));
        assertThat(config.ramBufferMegabytes()).isEqualTo(64);
    }

    @Test
    void takesEveryFieldAndRejectsNonsense() {
        LuceneSearchIndexConfig config = new LuceneSearchIndexConfig(Path.of("index"), 256);
        assertThat(config.ramBufferMegabytes()).isEqualTo(256);
        assertThatThrownBy(() -> new LuceneSearchIndexConfig(Path.of("index"), 0)).isInstanceOf(CatalogException.class);
        assertThatThrownBy(() -> new LuceneSearchIndexConfig(null, 64)).isInstanceOf(NullPointerException.class);
    }
}
