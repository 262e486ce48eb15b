package io.zhongtai.service.search;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.zhongtai.core.CatalogException;
import io.zhongtai.search.elasticsearch.ElasticsearchSearchIndexConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * An Elasticsearch cluster to hold the search index instead of the embedded Lucene index
 * ({@code zhongtai.search.elasticsearch.*}, environment {@code ZHONGTAI_SEARCH_ELASTICSEARCH_*}).
 * Setting {@code hosts} switches the service to Elasticsearch.
 *
 * @param hosts nodes, {@code http://host:9200} or {@code https://...}, comma-separated in the environment
 * @param username with {@code password}: basic authentication; both unset for none
 * @param index the name prefix of this catalog's index: it searches the alias {@code <index>assets},
 *     which points at one generation {@code <index>assets-000001}, ...
 * @param shards primary shards of each generation
 * @param replicas replicas of each generation
 */
@ConfigurationProperties("zhongtai.search.elasticsearch")
public record ElasticsearchConfig(
        @Nullable List<String> hosts,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = ElasticsearchSearchIndexConfig.DEFAULT_INDEX_PREFIX) String index,
        @Bindable(defaultValue = "1") int shards,
        @Bindable(defaultValue = "1") int replicas) {
    /** Whether hosts are configured, which chooses Elasticsearch over Lucene. */
    public boolean enabled() {
        return hosts != null && hosts.stream().anyMatch(host -> !host.isBlank());
    }

    /** The adapter's configuration; a malformed host is a configuration error naming it. */
    public ElasticsearchSearchIndexConfig toIndexConfig() {
        List<URI> uris = new ArrayList<>();
        for (String host : hosts == null ? List.<String>of() : hosts) {
            for (String part : host.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    uris.add(new URI(part.strip()));
                } catch (URISyntaxException e) {
                    throw CatalogException.invalid(
                            "zhongtai.search.elasticsearch.hosts", "'" + part.strip() + "' is not an address: " + e.getMessage());
                }
            }
        }
        return new ElasticsearchSearchIndexConfig(
                uris,
                blankToNull(username),
                blankToNull(password),
                index,
                shards,
                replicas,
                ElasticsearchSearchIndexConfig.DEFAULT_CONNECT_TIMEOUT,
                ElasticsearchSearchIndexConfig.DEFAULT_REQUEST_TIMEOUT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ElasticsearchConfig[hosts=" + hosts + ", username=" + username + ", password="
                + (password == null ? null : "***") + ", index=" + index + ", shards=" + shards + ", replicas=" + replicas + "]";
    }
}
