package io.zhongtai.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zhongtai.core.CatalogException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ElasticsearchSearchIndexConfigTest {
    @Test
    void defaultsToOneShardOneReplicaAndBoundedTimeouts() {
        ElasticsearchSearchIndexConfig config = ElasticsearchSearchIndexConfig.of(URI.create("http://localhost:9200"), "zhongtai-");
        assertThat(config.hosts()).containsExactly(URI.create("http://localhost:9200"));
        assertThat(config.username()).isNull();
        assertThat(config.shards()).isEqualTo(1);
        assertThat(config.replicas()).isEqualTo(1);
        assertThat(config.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.alias()).isEqualTo("zhongtai-assets");
    }

    @Test
    void takesEveryFieldAndHidesThePassword() {
        ElasticsearchSearchIndexConfig config = new ElasticsearchSearchIndexConfig(
                List.of(URI.create("https://es1:9200"), URI.create("https://es2:9200")), "elastic", "s3cret", "shop_",
                3, 2, Duration.ofSeconds(1), Duration.ofSeconds(60));
        assertThat(config.hosts()).hasSize(2);
        assertThat(config.alias()).isEqualTo("shop_assets");
        assertThat(config.toString()).contains("elastic").doesNotContain("s3cret");
    }

    @Test
    void rejectsWhatCannotWork() {
        URI host = URI.create("http://localhost:9200");
        assertThatThrownBy(() -> ElasticsearchSearchIndexConfig.of(host, "Zhongtai")).isInstanceOf(CatalogException.class);
        assertThatThrownBy(() -> ElasticsearchSearchIndexConfig.of(host, "_x")).isInstanceOf(CatalogException.class);
        assertThatThrownBy(() -> ElasticsearchSearchIndexConfig.of(URI.create("localhost:9200"), "z-"))
                .hasMessageContaining("http://");
        assertThatThrownBy(() -> ElasticsearchSearchIndexConfig.of(host, "z-").withCredentials("elastic", null))
                .hasMessageContaining("both");
        assertThatThrownBy(() -> new ElasticsearchSearchIndexConfig(List.of(), null, null, "z-", 1, 0, Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .hasMessageContaining("at least one");
        assertThatThrownBy(() -> ElasticsearchSearchIndexConfig.of(host, "z-").withReplicas(-1)).hasMessageContaining("replicas");
    }
}
