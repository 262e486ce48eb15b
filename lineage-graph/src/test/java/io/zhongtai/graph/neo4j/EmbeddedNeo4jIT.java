package io.zhongtai.graph.neo4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.util.Version;
import io.zhongtai.core.CatalogException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Pins down the Netty workaround: with Micronaut's Netty 4.2 on the class path, the embedded
 * Neo4j must still answer the driver over Bolt. If an upgrade breaks the internal setting that
 * makes this work, the connection below fails (the driver has timeouts) instead of hanging.
 */
class EmbeddedNeo4jIT {
    @Test
    void classPathCarriesNetty42LikeTheApplication() {
        String nettyVersion = Version.identify().get("netty-common").artifactVersion();
        assertThat(nettyVersion).as("Netty on the test class path").startsWith("4.2.");
    }

    @Test
    @Timeout(120)
    void driverTalksToEmbeddedNeo4jOverBoltWithNetty42() {
        Neo4jGraph graph = TestingNeo4j.graph();
        long answer = graph.read(tx -> tx.run("RETURN 40 + $two AS answer", Map.of("two", 2)).single().get("answer").asLong());
        assertThat(answer).isEqualTo(42);
    }

    @Test
    @Timeout(120)
    void embeddedServerRequiresItsPassword() throws Exception {
        Path directory = Files.createTempDirectory("zhongtai-neo4j-auth");
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(directory, "right-password", 32)) {
            assertThatThrownBy(() -> Neo4jGraph.connect(server.boltUri(), "neo4j", "wrong-password", "neo4j"))
                    .isInstanceOf(CatalogException.class)
                    .hasMessageContaining("Cannot reach Neo4j");
            try (Neo4jGraph graph = Neo4jGraph.connect(server.boltUri(), "neo4j", "right-password", "neo4j")) {
                assertThat(Neo4jSchema.migrate(graph)).isEqualTo(Neo4jSchema.latestVersion());
                // a second start finds the schema up to date and changes nothing
                assertThat(Neo4jSchema.migrate(graph)).isEqualTo(Neo4jSchema.latestVersion());
                long constraints = graph.read(tx -> tx.run("SHOW CONSTRAINTS YIELD name RETURN count(*) AS n")
                        .single().get("n").asLong());
                assertThat(constraints).isGreaterThanOrEqualTo(6);
            }
        }
        // a restart on the same directory with the same password opens it again
        try (EmbeddedNeo4j server = EmbeddedNeo4j.start(directory, "right-password", 32);
                Neo4jGraph graph = Neo4jGraph.connect(server.boltUri(), "neo4j", "right-password", "neo4j")) {
            long one = graph.read(tx -> tx.run("RETURN 1 AS one").single().get("one").asLong());
            assertThat(one).isEqualTo(1);
        }
    }
}
