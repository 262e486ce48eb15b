package io.zhongtai.service.search;

import io.zhongtai.core.search.SearchIndex;
import io.zhongtai.search.elasticsearch.ElasticsearchSearchIndex;
import io.zhongtai.search.elasticsearch.ElasticsearchSearchIndexConfig;
import io.zhongtai.testing.TestingElasticsearch;
import java.util.UUID;

/** The relevance queries on a real Elasticsearch node (started without Docker). */
class ElasticsearchSearchRelevanceIT extends AbstractSearchRelevanceIT {
    @Override
    protected SearchIndex openIndex() {
        String prefix = "relevance-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        return new ElasticsearchSearchIndex(
                ElasticsearchSearchIndexConfig.of(TestingElasticsearch.instance().uri(), prefix).withReplicas(0));
    }
}
