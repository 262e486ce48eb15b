package io.zhongtai.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.service.TestingZhongtai.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The calls the portal's administration pages add: a warehouse's connection test and the service's status. */
class AdministrationApiIT {
    private final TestingZhongtai zhongtai = TestingZhongtai.get();

    @Test
    void testsTheConnectionOfARegisteredWarehouse() {
        String steward = zhongtai.tokenFor("admin-api-steward", "steward");
        Response ok = zhongtai.send("POST", "/api/v1/warehouses/demo/test", steward, null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("ok").asBoolean()).isTrue();
        assertThat(ok.json().get("product").asText()).isEqualTo("DuckDB");
        assertThat(ok.json().get("durationMs").asLong()).isNotNegative();

        Response viewer = zhongtai.send("POST", "/api/v1/warehouses/demo/test", zhongtai.tokenFor("admin-api-viewer", "viewer"), null);
        assertThat(viewer.status()).isEqualTo(403);
        Response unknown = zhongtai.send("POST", "/api/v1/warehouses/no_such_one/test", steward, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("urn:zhongtai:problem:warehouse-not-found");
    }

    @Test
    void aWarehouseThatDoesNotAnswerIsABadGatewayProblemNamingIt() {
        String admin = zhongtai.adminToken();
        Map<String, Object> registration = Map.of(
                "name", "unreachable_pg", "jdbcUrl", "jdbc:postgresql://127.0.0.1:1/shop", "username", "reader", "password", "secret-value");
        assertThat(zhongtai.send("POST", "/api/v1/warehouses", admin, registration).status()).isIn(201, 409);
        try {
            Response failed = zhongtai.send("POST", "/api/v1/warehouses/unreachable_pg/test", admin, null);
            assertThat(failed.status()).isEqualTo(502);
            assertThat(failed.isProblem()).isTrue();
            String detail = failed.json().get("detail").asText();
            assertThat(detail).contains("unreachable_pg").contains("127.0.0.1:1").doesNotContain("secret-value");
        } finally {
            zhongtai.send("DELETE", "/api/v1/warehouses/unreachable_pg", admin, null);
        }
    }

    @Test
    void statusNamesTheStoreAndTheComponentsForAdminsOnly() {
        Response status = zhongtai.send("GET", "/api/v1/status", zhongtai.adminToken(), null);
        assertThat(status.status()).isEqualTo(200);
        JsonNode body = status.json();
        assertThat(body.get("store").get("kind").asText()).isEqualTo("neo4j-embedded");
        assertThat(body.get("components").findValuesAsText("name")).contains("zhongtai");
        for (JsonNode component : body.get("components")) {
            if (component.get("name").asText().equals("zhongtai")) {
                assertThat(component.get("status").asText()).isEqualTo("UP");
            }
        }
        assertThat(zhongtai.send("GET", "/api/v1/status", zhongtai.tokenFor("admin-api-steward", "steward"), null).status()).isEqualTo(403);
        assertThat(zhongtai.send("GET", "/api/v1/status", null, null).status()).isEqualTo(401);
    }
}
