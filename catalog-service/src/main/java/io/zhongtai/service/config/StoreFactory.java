package io.zhongtai.service.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.zhongtai.core.asset.CatalogStore;
import io.zhongtai.core.audit.AuditLog;
import io.zhongtai.core.lineage.LineageStore;
import io.zhongtai.core.security.IdentityStore;
import io.zhongtai.core.security.SecretCipher;
import io.zhongtai.core.warehouse.CrawlRunStore;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.crawlers.Harvesters;
import io.zhongtai.crawlers.jdbc.JdbcWarehouseConnections;
import io.zhongtai.graph.neo4j.EmbeddedNeo4j;
import io.zhongtai.graph.neo4j.Neo4jAuditLog;
import io.zhongtai.graph.neo4j.Neo4jCatalogStore;
import io.zhongtai.graph.neo4j.Neo4jCrawlRunStore;
import io.zhongtai.graph.neo4j.Neo4jGraph;
import io.zhongtai.graph.neo4j.Neo4jIdentityStore;
import io.zhongtai.graph.neo4j.Neo4jLineageStore;
import io.zhongtai.graph.neo4j.Neo4jSchema;
import io.zhongtai.graph.neo4j.Neo4jWarehouseStore;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Wires the ports to their adapters. The catalog store is Neo4j: embedded under the home by
 * default, or the external server {@code zhongtai.neo4j.uri} names; the same driver code path
 * serves both.
 */
@Factory
public class StoreFactory {
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Holds the embedded server, if any, so that it shuts down after the driver. */
    public record GraphConnection(Neo4jGraph graph, EmbeddedNeo4j embedded) implements AutoCloseable {
        @Override
        public void close() {
            graph.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    @Singleton
    @Bean(preDestroy = "close")
    GraphConnection graphConnection(Neo4jConfig config, HomeDirectory home) {
        if (config.embedded()) {
            EmbeddedNeo4j embedded = EmbeddedNeo4j.start(home.graphDirectory(), home.embeddedNeo4jPassword(), config.pageCacheMb());
            try {
                Neo4jGraph graph = Neo4jGraph.connect(embedded.boltUri(), embedded.username(), embedded.password(), "neo4j");
                Neo4jSchema.migrate(graph);
                return new GraphConnection(graph, embedded);
            } catch (RuntimeException e) {
                embedded.close();
                throw e;
            }
        }
        Neo4jGraph graph = Neo4jGraph.connect(config.uri(), config.username(), config.password(), config.database());
        Neo4jSchema.migrate(graph);
        return new GraphConnection(graph, null);
    }

    @Singleton
    CatalogStore catalogStore(GraphConnection connection, Clock clock) {
        return new Neo4jCatalogStore(connection.graph(), clock);
    }

    @Singleton
    LineageStore lineageStore(GraphConnection connection, Clock clock) {
        return new Neo4jLineageStore(connection.graph(), clock);
    }

    @Singleton
    WarehouseStore warehouseStore(GraphConnection connection, Clock clock) {
        return new Neo4jWarehouseStore(connection.graph(), clock);
    }

    @Singleton
    IdentityStore identityStore(GraphConnection connection, Clock clock) {
        return new Neo4jIdentityStore(connection.graph(), clock);
    }

    @Singleton
    CrawlRunStore crawlRunStore(GraphConnection connection) {
        return new Neo4jCrawlRunStore(connection.graph());
    }

    @Singleton
    AuditLog auditLog(GraphConnection connection) {
        return new Neo4jAuditLog(connection.graph());
    }

    @Singleton
    SecretCipher secretCipher(HomeDirectory home) {
        return SecretCipher.fromBase64(home.secretKey());
    }

    @Singleton
    @Bean(preDestroy = "close")
    JdbcWarehouseConnections warehouseConnections() {
        return new JdbcWarehouseConnections();
    }

    @Singleton
    Harvesters harvesters() {
        return Harvesters.builtIn();
    }
}
