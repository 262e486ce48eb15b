package io.zhongtai.service.search;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.zhongtai.core.search.SearchIndex;
import io.zhongtai.search.elasticsearch.ElasticsearchSearchIndex;
import io.zhongtai.search.lucene.LuceneSearchIndex;
import io.zhongtai.search.lucene.LuceneSearchIndexConfig;
import io.zhongtai.service.config.HomeDirectory;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The search index adapter, chosen by configuration: the Lucene index on local disk under the
 * home by default, an Elasticsearch cluster when {@code zhongtai.search.elasticsearch.hosts} is set.
 */
@Factory
public class SearchIndexFactory {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndexFactory.class);

    @Singleton
    @Bean(preDestroy = "close")
    SearchIndex searchIndex(SearchConfig search, ElasticsearchConfig elasticsearch, HomeDirectory home) {
        if (elasticsearch.enabled()) {
            ElasticsearchSearchIndex index = new ElasticsearchSearchIndex(elasticsearch.toIndexConfig());
            LOG.info("Search index: {}", index);
            return index;
        }
        LuceneSearchIndex index = new LuceneSearchIndex(
                new LuceneSearchIndexConfig(search.resolvedDirectory(home.path()), search.ramBufferMb()));
        LOG.info("Search index: {}", index);
        return index;
    }
}
