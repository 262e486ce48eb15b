package io.zhongtai.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The catalog store.
 *
 * @param uri an external Neo4j ({@code bolt://} or {@code neo4j://}); when absent Neo4j runs
 *     embedded with its data under the home
 * @param pageCacheMb page cache of the embedded Neo4j
 */
@ConfigurationProperties("zhongtai.neo4j")
public record Neo4jConfig(
        @Nullable String uri,
        @Bindable(defaultValue = "neo4j") String username,
        @Nullable String password,
        @Bindable(defaultValue = "neo4j") String database,
        @Bindable(defaultValue = "256") long pageCacheMb) {
    public boolean embedded() {
        return uri == null || uri.isBlank();
    }
}
