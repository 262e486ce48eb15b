package io.zhongtai.graph.neo4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One embedded Neo4j per test JVM, started on first use and stopped when the JVM exits. Tests
 * share it and keep apart by naming their own warehouses and assets.
 */
final class TestingNeo4j {
    private static Neo4jGraph graph;

    private TestingNeo4j() {}

    static synchronized Neo4jGraph graph() {
        if (graph == null) {
            try {
                Path directory = Files.createTempDirectory("zhongtai-neo4j-test");
                EmbeddedNeo4j server = EmbeddedNeo4j.start(directory, "test-password", 64);
                Neo4jGraph connected = Neo4jGraph.connect(server.boltUri(), server.username(), server.password(), "neo4j");
                Neo4jSchema.migrate(connected);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    connected.close();
                    server.close();
                }));
                graph = connected;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }
}
