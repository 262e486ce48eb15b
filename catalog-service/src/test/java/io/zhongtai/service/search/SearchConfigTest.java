package io.zhongtai.service.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.zhongtai.core.CatalogException;
import io.zhongtai.search.elasticsearch.ElasticsearchSearchIndexConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The search configuration: defaults, a full mapping, and the choice of adapter it implies. */
class SearchConfigTest {
    @Test
    void defaultsToLuceneUnderTheHome() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            SearchConfig search = context.getBean(SearchConfig.class);
            assertThat(search.directory()).isNull();
            assertThat(search.resolvedDirectory(Path.of("/srv/zhongtai"))).isEqualTo(Path.of("/srv/zhongtai/search"));
            assertThat(search.ramBufferMb()).isEqualTo(64);
            assertThat(search.pollInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(search.batchSize()).isEqualTo(2000);
            assertThat(search.rebuildBatchSize()).isEqualTo(2000);
            assertThat(search.replayLimit()).isEqualTo(20_000);
            ElasticsearchConfig elasticsearch = context.getBean(ElasticsearchConfig.class);
            assertThat(elasticsearch.enabled()).isFalse();
            assertThat(elasticsearch.index()).isEqualTo("zhongtai-");
            assertThat(elasticsearch.shards()).isOne();
            assertThat(elasticsearch.replicas()).isOne();
        }
    }

    @Test
    void fullMapping() {
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("zhongtai.search.directory", "/data/search"),
                Map.entry("zhongtai.search.ram-buffer-mb", 256),
                Map.entry("zhongtai.search.poll-interval", "250ms"),
                Map.entry("zhongtai.search.batch-size", 500),
                Map.entry("zhongtai.search.rebuild-batch-size", 5000),
                Map.entry("zhongtai.search.replay-limit", 1000),
                Map.entry("zhongtai.search.elasticsearch.hosts", "http://es1:9200,https://es2:9243"),
                Map.entry("zhongtai.search.elasticsearch.username", "catalog"),
                Map.entry("zhongtai.search.elasticsearch.password", "es-password"),
                Map.entry("zhongtai.search.elasticsearch.index", "shop-"),
                Map.entry("zhongtai.search.elasticsearch.shards", 3),
                Map.entry("zhongtai.search.elasticsearch.replicas", 2));
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(properties).start()) {
            assertThat(context.getBean(SearchConfig.class))
                    .isEqualTo(new SearchConfig(Path.of("/data/search"), 256, Duration.ofMillis(250), 500, 5000, 1000));
            ElasticsearchConfig elasticsearch = context.getBean(ElasticsearchConfig.class);
            assertThat(elasticsearch.enabled()).isTrue();
            ElasticsearchSearchIndexConfig index = elasticsearch.toIndexConfig();
            assertThat(index.hosts()).containsExactly(URI.create("http://es1:9200"), URI.create("https://es2:9243"));
            assertThat(index.username()).isEqualTo("catalog");
            assertThat(index.password()).isEqualTo("es-password");
            assertThat(index.alias()).isEqualTo("shop-assets");
            assertThat(index.shards()).isEqualTo(3);
            assertThat(index.replicas()).isEqualTo(2);
            assertThat(elasticsearch.toString()).doesNotContain("es-password");
        }
    }

    @Test
    void refusesSettingsItCannotUse() {
        assertThatThrownBy(() -> new SearchConfig(null, 64, Duration.ofSeconds(1), 0, 100, 10)).hasMessageContaining("batch-size");
        assertThatThrownBy(() -> new SearchConfig(null, 64, Duration.ZERO, 10, 100, 10)).hasMessageContaining("poll-interval");
        ElasticsearchConfig bad = new ElasticsearchConfig(List.of("http://ok:9200", "not a host"), null, null, "zhongtai-", 1, 1);
        assertThatThrownBy(bad::toIndexConfig).isInstanceOf(CatalogException.class).hasMessageContaining("not a host");
        ElasticsearchConfig halfCredentials = new ElasticsearchConfig(List.of("http://es:9200"), "user", null, "zhongtai-", 1, 1);
        assertThatThrownBy(halfCredentials::toIndexConfig).hasMessageContaining("username and a password");
        assertThat(new ElasticsearchConfig(List.of(" "), null, null, "zhongtai-", 1, 1).enabled()).isFalse();
    }
}
