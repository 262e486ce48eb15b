package io.zhongtai.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration records: their defaults, a full mapping, and the secrets kept in the home. */
class ConfigurationTest {
    @Test
    void defaults() {
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).start()) {
            ZhongtaiConfig config = context.getBean(ZhongtaiConfig.class);
            assertThat(config.resolvedHome()).isEqualTo(Path.of(System.getProperty("user.home"), ".zhongtai"));
            assertThat(config.adminPassword()).isNull();
            DemoConfig demo = context.getBean(DemoConfig.class);
            assertThat(demo.enabled()).isTrue();
            assertThat(demo.seed()).isEqualTo(42);
            assertThat(demo.scale()).isEqualTo(1.0);
            Neo4jConfig neo4j = context.getBean(Neo4jConfig.class);
            assertThat(neo4j.embedded()).isTrue();
            assertThat(neo4j.username()).isEqualTo("neo4j");
            assertThat(neo4j.database()).isEqualTo("neo4j");
            assertThat(neo4j.pageCacheMb()).isEqualTo(256);
        }
    }

    @Test
    void fullMapping() {
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("zhongtai.home", "/srv/zhongtai"),
                Map.entry("zhongtai.admin-password", "a-password"),
                Map.entry("zhongtai.jwt-secret", "a-jwt-secret"),
                Map.entry("zhongtai.secret-key", "a-key"),
                Map.entry("zhongtai.demo.enabled", false),
                Map.entry("zhongtai.demo.seed", 7),
                Map.entry("zhongtai.demo.scale", 0.5),
                Map.entry("zhongtai.neo4j.uri", "neo4j://graph:7687"),
                Map.entry("zhongtai.neo4j.username", "catalog"),
                Map.entry("zhongtai.neo4j.password", "graph-password"),
                Map.entry("zhongtai.neo4j.database", "zhongtai"),
                Map.entry("zhongtai.neo4j.page-cache-mb", 1024));
        try (ApplicationContext context = ApplicationContext.builder().deduceEnvironment(false).properties(properties).start()) {
            assertThat(context.getBean(ZhongtaiConfig.class))
                    .isEqualTo(new ZhongtaiConfig(Path.of("/srv/zhongtai"), "a-password", "a-jwt-secret", "a-key"));
            assertThat(context.getBean(DemoConfig.class)).isEqualTo(new DemoConfig(false, 7, 0.5));
            assertThat(context.getBean(Neo4jConfig.class))
                    .isEqualTo(new Neo4jConfig("neo4j://graph:7687", "catalog", "graph-password", "zhongtai", 1024));
            assertThat(context.getBean(Neo4jConfig.class).embedded()).isFalse();
        }
    }

    @Test
    void generatedSecretsAreKeptOwnerOnlyAndSurviveARestart() throws Exception {
        Path home = Files.createTempDirectory("zhongtai-home");
        ZhongtaiConfig config = new ZhongtaiConfig(home, null, null, null);
        HomeDirectory first = new HomeDirectory(config);
        String jwtSecret = first.jwtSecret();
        String secretKey = first.secretKey();
        assertThat(jwtSecret).hasSizeGreaterThan(40);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("secrets/jwt-secret")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("secrets")))).isEqualTo("rwx------");
        HomeDirectory again = new HomeDirectory(config);
        assertThat(again.jwtSecret()).isEqualTo(jwtSecret);
        assertThat(again.secretKey()).isEqualTo(secretKey);
        HomeDirectory configured = new HomeDirectory(new ZhongtaiConfig(home, null, "from-environment", null));
        assertThat(configured.jwtSecret()).isEqualTo("from-environment");
    }
}
