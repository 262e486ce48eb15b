package io.zhongtai.search.elasticsearch;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to reach the Elasticsearch cluster that holds the index, and how to name it.
 *
 * @param hosts one or more nodes, {@code http://host:9200} or {@code https://...}
 * @param username with {@code password}, sent as basic authentication; both null for none
 * @param indexPrefix names this catalog's index among others on a shared cluster: the alias
 *     searched is {@code <prefix>assets}, each generation {@code <prefix>assets-000001}, ...
 * @param shards primary shards of each generation
 * @param replicas replicas of each generation (0 on a single node)
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for an answer; rebuilds send many small requests, so
 *     this bounds one request, not a rebuild
 */
public record ElasticsearchSearchIndexConfig(
        List<URI> hosts,
        String username,
        String password,
        String indexPrefix,
        int shards,
        int replicas,
        Duration connectTimeout,
        Duration requestTimeout) {
    public static final String DEFAULT_INDEX_PREFIX = "zhongtai-";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Elasticsearch index names: lower case, no leading '-', '_' or '+', none of its reserved characters. */
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_-]{0,99}");

    public ElasticsearchSearchIndexConfig {
        hosts = List.copyOf(requireNonNull(hosts, "hosts is null"));
        if (hosts.isEmpty()) {
            throw CatalogException.invalid("hosts", "name at least one Elasticsearch node, such as http://localhost:9200");
        }
        for (URI host : hosts) {
            if (!"http".equals(host.getScheme()) && !"https".equals(host.getScheme()) || host.getHost() == null) {
                throw CatalogException.invalid("hosts", "'" + host + "' is not an http:// or https:// address of a node");
            }
        }
        if ((username == null) != (password == null)) {
            throw CatalogException.invalid("username", "give both a username and a password, or neither");
        }
        requireNonNull(indexPrefix, "indexPrefix is null");
        if (!PREFIX.matcher(indexPrefix).matches()) {
            throw CatalogException.invalid(
                    "indexPrefix", "'" + indexPrefix + "' must be lower-case letters, digits, '-' or '_', starting with a letter or digit");
        }
        if (shards < 1 || shards > 64) {
            throw CatalogException.invalid("shards", "must be between 1 and 64, was " + shards);
        }
        if (replicas < 0 || replicas > 8) {
            throw CatalogException.invalid("replicas", "must be between 0 and 8, was " + replicas);
        }
        requireNonNull(connectTimeout, "connectTimeout is null");
        requireNonNull(requestTimeout, "requestTimeout is null");
        if (connectTimeout.isNegative() || connectTimeout.isZero() || requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw CatalogException.invalid("timeout", "connect and request timeouts must be positive");
        }
    }

    /** One node without credentials, one shard, one replica, default timeouts. */
    public static ElasticsearchSearchIndexConfig of(URI host, String indexPrefix) {
        return new ElasticsearchSearchIndexConfig(
                List.of(host), null, null, indexPrefix, 1, 1, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public ElasticsearchSearchIndexConfig withReplicas(int newReplicas) {
        return new ElasticsearchSearchIndexConfig(
                hosts, username, password, indexPrefix, shards, newReplicas, connectTimeout, requestTimeout);
    }

    public ElasticsearchSearchIndexConfig withCredentials(String newUsername, String newPassword) {
        return new ElasticsearchSearchIndexConfig(
                hosts, newUsername, newPassword, indexPrefix, shards, replicas, connectTimeout, requestTimeout);
    }

    /** The alias that searches and writes go through. */
    public String alias() {
        return indexPrefix + "assets";
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "ElasticsearchSearchIndexConfig[hosts=" + hosts + ", username=" + username + ", password="
                + (password == null ? null : "***") + ", indexPrefix=" + indexPrefix + ", shards=" + shards + ", replicas="
                + replicas + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + "]";
    }
}
