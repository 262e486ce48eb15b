package io.zhongtai.crawlers.openlineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.crawlers.openlineage.DataSourceLocation.Family;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSourceLocationTest {
    @Test
    void readsPostgresUrls() {
        assertThat(DataSourceLocation.ofJdbcUrl("jdbc:postgresql://DB.internal:5433/shop?ssl=true", "reader"))
                .contains(new DataSourceLocation(Family.POSTGRES, List.of("db.internal:5433"), "shop"));
        assertThat(DataSourceLocation.ofJdbcUrl("jdbc:postgresql://db.internal/shop", null))
                .contains(new DataSourceLocation(Family.POSTGRES, List.of("db.internal:5432"), "shop"));
        assertThat(DataSourceLocation.ofJdbcUrl("jdbc:postgresql://a:5432,b:5433/shop", null))
                .contains(new DataSourceLocation(Family.POSTGRES, List.of("a:5432", "b:5433"), "shop"));
        assertThat(DataSourceLocation.ofJdbcUrl("jdbc:postgresql:shop", null))
                .contains(new DataSourceLocation(Family.POSTGRES, List.of("localhost:5432"), "shop"));
    }

    @Test
    void aPostgresUrlWithoutDatabaseMeansTheUsersDatabase() {
        assertThat(DataSourceLocation.ofJdbcUrl("jdbc:postgresql://db:5432/", "alice"))
                .contains(new DataSourceLocation(Family.POSTGRES, List.of("db:5432"), "alice"));
    }

    @Test
    void mysqlAndMariaDbAreOneFamily() {
        DataSourceLocation mysql = DataSourceLocation.ofJdbcUrl("jdbc:mysql://db:3307/shop", null).orElseThrow();
        DataSourceLocation mariadb = DataSourceLocation.ofJdbcUrl("jdbc:mariadb:replication://db:3307/crm", null).orElseThrow();
        assertThat(mysql).isEqualTo(new DataSourceLocation(Family.MYSQL, List.of("db:3307"), "shop"));
        assertThat(mariadb.sameServer(mysql)).isTrue();
        assertThat(DataSourceLocation.ofNamespace("mariadb://db:3307").orElseThrow().sameServer(mysql)).isTrue();
        assertThat(DataSourceLocation.ofNamespace("mysql://db").orElseThrow().sameServer(mysql)).isFalse();
    }

    @Test
    void loopbackNamesAreOneHost() {
        DataSourceLocation url = DataSourceLocation.ofJdbcUrl("jdbc:mariadb://127.0.0.1:40123/x", null).orElseThrow();
        assertThat(DataSourceLocation.ofNamespace("mysql://localhost:40123").orElseThrow().sameServer(url)).isTrue();
        assertThat(DataSourceLocation.ofNamespace("mysql://[::1]:40123").orElseThrow().sameServer(url)).isTrue();
    }

    @Test
    void namespacesNameServersNotDatabases() {
        assertThat(DataSourceLocation.ofNamespace("postgres://db.internal:5432"))
                .contains(new DataSourceLocation(Family.POSTGRES, List.of("db.internal:5432"), null));
        assertThat(DataSourceLocation.ofNamespace("postgresql://db.internal"))
                .contains(new DataSourceLocation(Family.POSTGRES, List.of("db.internal:5432"), null));
        assertThat(DataSourceLocation.ofNamespace("postgres://db:notaport")).isEmpty();
        assertThat(DataSourceLocation.ofNamespace("s3://bucket")).isEmpty();
        assertThat(DataSourceLocation.ofNamespace("airflow-prod")).isEmpty();
    }

    @Test
    void fileEnginesCompareAbsolutePaths() {
        String file = Path.of("target", "w", "demo.duckdb").toAbsolutePath().toString();
        DataSourceLocation url = DataSourceLocation.ofJdbcUrl("jdbc:duckdb:target/w/../w/demo.duckdb", null).orElseThrow();
        assertThat(url).isEqualTo(new DataSourceLocation(Family.DUCKDB, List.of(), file));
        assertThat(DataSourceLocation.ofNamespace("duckdb://" + file).orElseThrow().sameServer(url)).isTrue();
        assertThat(DataSourceLocation.ofNamespace("duckdb:" + file).orElseThrow().sameServer(url)).isTrue();
        assertThat(DataSourceLocation.ofNamespace("duckdb:///elsewhere/demo.duckdb").orElseThrow().sameServer(url)).isFalse();
        assertThat(DataSourceLocation.ofJdbcUrl("jdbc:duckdb:", null)).isEmpty();
    }

    @Test
    void readsH2Urls() {
        DataSourceLocation file = DataSourceLocation.ofJdbcUrl("jdbc:h2:file:/data/h2/shop;MODE=PostgreSQL", null).orElseThrow();
        assertThat(file).isEqualTo(new DataSourceLocation(Family.H2, List.of(), "/data/h2/shop"));
        assertThat(DataSourceLocation.ofNamespace("h2:/data/h2/shop").orElseThrow().sameServer(file)).isTrue();
        assertThat(DataSourceLocation.ofJdbcUrl("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1", null))
                .contains(new DataSourceLocation(Family.H2, List.of(), "mem:test"));
        assertThat(DataSourceLocation.ofJdbcUrl("jdbc:h2:tcp://h2host:9093/~/shop", null))
                .contains(new DataSourceLocation(Family.H2, List.of("h2host:9093"), "~/shop"));
    }

    @Test
    void otherUrlsHaveNoLocation() {
        assertThat(DataSourceLocation.ofJdbcUrl("jdbc:trino://t:8080/hive", null)).isEmpty();
        assertThat(DataSourceLocation.ofJdbcUrl("jdbc:mysql:", null)).isEmpty();
    }
}
