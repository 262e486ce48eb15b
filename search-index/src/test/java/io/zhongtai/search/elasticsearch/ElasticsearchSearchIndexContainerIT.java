package io.zhongtai.search.elasticsearch;

import io.zhongtai.core.search.SearchIndex;
import io.zhongtai.search.AbstractSearchIndexContractTest;
import java.net.URI;
import java.util.UUID;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/**
 * The contract against the full Elasticsearch distribution in Docker, for developers who have
 * Docker; skipped without it. The Docker-free {@link ElasticsearchSearchIndexIT} carries the
 * suite: this one adds that the same mappings and queries work on a complete distribution.
 */
@Testcontainers(disabledWithoutDocker = true)
class ElasticsearchSearchIndexContainerIT extends AbstractSearchIndexContractTest {
    @Container
    static final ElasticsearchContainer ELASTICSEARCH = new ElasticsearchContainer(
                    DockerImageName.parse("docker.elastic.co/elasticsearch/elasticsearch:8.19.21"))
            .withEnv("xpack.security.enabled", "false")
            .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Override
    protected SearchIndex open(String name) {
        return new ElasticsearchSearchIndex(
                ElasticsearchSearchIndexConfig.of(URI.create("http://" + ELASTICSEARCH.getHttpHostAddress()), "tc-" + run + "-" + name + "-")
                        .withReplicas(0));
    }
}
