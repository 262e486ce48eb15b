package io.zhongtai.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.testing.TestDatabase;
import io.zhongtai.testing.TestingPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A real PostgreSQL registered and crawled through the API, and the ways a crawl of it can fail. */
class PostgresCrawlIT {
    private final TestingZhongtai zhongtai = TestingZhongtai.get();
    private final String admin = zhongtai.adminToken();

    private JsonNode crawl(String name) {
        TestingZhongtai.Response started = zhongtai.send("POST", "/api/v1/warehouses/" + name + "/crawl", admin, null);
        assertThat(started.status()).isEqualTo(202);
        return zhongtai.awaitCrawl(admin, started.json());
    }

    private void register(String name, String jdbcUrl, String user, String password) {
        TestingZhongtai.Response registered = zhongtai.send("POST", "/api/v1/warehouses", admin,
                Map.of("name", name, "jdbcUrl", jdbcUrl, "username", user, "password", password));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.json().get("dialect").asText()).isEqualTo("postgres");
    }

    @Test
    void crawlsARealPostgresWithPersonalDataInBothLanguages() throws Exception {
        TestDatabase database = TestingPostgres.instance().createDatabase("svc_pg");
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA crm");
            statement.execute("CREATE TABLE crm.\"Customers\" (id bigint PRIMARY KEY, email varchar(200), 手机号 varchar(20), "
                    + "note text)");
            statement.execute("COMMENT ON COLUMN crm.\"Customers\".note IS '收货地址'");
            statement.execute("CREATE VIEW crm.v_customers AS SELECT id, email FROM crm.\"Customers\"");
        }
        register("pg-crm", database.jdbcUrl(), database.user(), database.password());
        JsonNode run = crawl("pg-crm");
        assertThat(run.get("status").asText()).isEqualTo("succeeded");
        assertThat(run.get("added").asInt()).isEqualTo(1 + 2 + 4 + 2);

        JsonNode table = zhongtai.send("GET", "/api/v1/assets/" + TestingZhongtai.encode("table:pg-crm.crm.\"Customers\""), admin, null).json();
        assertThat(table.get("columns").findValuesAsText("classification"))
                .containsExactly("none", "pii:email", "pii:phone", "pii:address");
        assertThat(zhongtai.send("GET", "/api/v1/assets/" + TestingZhongtai.encode("view:pg-crm.crm.v_customers"), admin, null)
                        .json().get("viewSql").asText())
                .containsIgnoringCase("select");
    }

    /**
     * The embedded test server trusts loopback logins (its pg_hba.conf), so a wrong password
     * cannot be refused here; an unknown login is, the same way wrong credentials are elsewhere.
     */
    @Test
    void wrongCredentialsAndADownServerFailTheRunWithTheReason() {
        TestDatabase database = TestingPostgres.instance().createDatabase("svc_pg_bad");
        register("pg-wrong-login", database.jdbcUrl(), "no_such_login", "not-the-password");
        JsonNode refused = crawl("pg-wrong-login");
        assertThat(refused.get("status").asText()).isEqualTo("failed");
        assertThat(refused.get("error").asText()).contains("Cannot connect to warehouse 'pg-wrong-login'").contains("no_such_login");
        assertThat(refused.get("error").asText()).doesNotContain("not-the-password");

        register("pg-down", "jdbc:postgresql://127.0.0.1:1/nothing", "nobody", "whatever");
        JsonNode down = crawl("pg-down");
        assertThat(down.get("status").asText()).isEqualTo("failed");
        assertThat(down.get("error").asText()).contains("Cannot connect to warehouse 'pg-down'");
        assertThat(zhongtai.send("GET", "/health", null, null).status()).isEqualTo(200);
    }

}
