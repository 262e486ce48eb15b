package io.zhongtai.search.elasticsearch;

import io.zhongtai.core.search.SearchIndex;
import io.zhongtai.search.AbstractSearchIndexContractTest;
import io.zhongtai.testing.TestingElasticsearch;
import java.util.UUID;

/**
 * The contract against a real Elasticsearch node, started without Docker by
 * {@link TestingElasticsearch}. Each index name gets its own prefix, so tests share the node
 * but never an index; opening a name again means a new client on the same alias.
 */
class ElasticsearchSearchIndexIT extends AbstractSearchIndexContractTest {
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Override
    protected SearchIndex open(String name) {
        return new ElasticsearchSearchIndex(
                ElasticsearchSearchIndexConfig.of(TestingElasticsearch.instance().uri(), "it-" + run + "-" + name + "-")
                        .withReplicas(0));
    }
}
