package io.zhongtai.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhongtai.service.TestingZhongtai;
import io.zhongtai.service.TestingZhongtai.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Who may call what, over real HTTP with real tokens. */
class SecurityIT {
    private final TestingZhongtai zhongtai = TestingZhongtai.get();

    @Test
    void healthLoginAndOpenApiNeedNoToken() {
        Response health = zhongtai.send("GET", "/health", null, null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        Response openApi = zhongtai.send("GET", "/openapi.yml", null, null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains("openapi: 3.").contains("/api/v1/assets/{id}").contains("/api/v1/warehouses");
        Response login = zhongtai.send("POST", "/login", null, Map.of("username", "admin", "password", TestingZhongtai.ADMIN_PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(login.json().get("expires_in").asInt()).isPositive();
    }

    @Test
    void everyApiCallNeedsAToken() {
        for (String path : List.of("/api/v1/assets", "/api/v1/warehouses", "/api/v1/terms", "/api/v1/audit", "/api/v1/me")) {
            Response response = zhongtai.send("GET", path, null, null);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.isProblem()).as(path).isTrue();
            assertThat(response.json().get("detail").asText()).contains("Authorization: Bearer");
        }
    }

    @Test
    void wrongPasswordIsRefusedWithoutSayingWhichPartIsWrong() {
        Response wrong = zhongtai.send("POST", "/login", null, Map.of("username", "admin", "password", "not-the-password"));
        Response unknown = zhongtai.send("POST", "/login", null, Map.of("username", "nobody-at-all", "password", "whatever-else"));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("detail").asText()).isEqualTo(unknown.json().get("detail").asText());
    }

    @Test
    void tokensAreSignedAndForgedOnesAreRefused() {
        String token = zhongtai.adminToken();
        String header = new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"HS256\"");
        String claims = "{\"sub\":\"admin\",\"roles\":[\"viewer\",\"analyst\",\"steward\",\"admin\"],\"exp\":9999999999}";
        String unsigned = base64("{\"alg\":\"none\"}") + "." + base64(claims) + ".";
        assertThat(zhongtai.send("GET", "/api/v1/users", unsigned, null).status()).isEqualTo(401);
        String otherKey = hs256("{\"alg\":\"HS256\"}", claims, "some-other-secret-that-is-long-enough-for-hs256");
        assertThat(zhongtai.send("GET", "/api/v1/users", otherKey, null).status()).isEqualTo(401);
        assertThat(zhongtai.send("GET", "/api/v1/users", token, null).status()).isEqualTo(200);
    }

    @Test
    void rolesDecideWhatACallMayDo() {
        String viewer = zhongtai.tokenFor("sec-viewer", "viewer");
        String analyst = zhongtai.tokenFor("sec-analyst", "analyst");
        String steward = zhongtai.tokenFor("sec-steward", "steward");
        String admin = zhongtai.adminToken();
        String orders = "/api/v1/assets/" + TestingZhongtai.encode("table:demo.retail.orders");
        Map<String, Object> edit = Map.of("description", "Orders as placed");

        assertThat(zhongtai.send("GET", orders, viewer, null).status()).isEqualTo(200);
        Response refused = zhongtai.send("PATCH", orders, viewer, edit);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("type").asText()).isEqualTo("urn:zhongtai:problem:forbidden");
        assertThat(zhongtai.send("PATCH", orders, analyst, edit).status()).isEqualTo(403);
        assertThat(zhongtai.send("POST", "/api/v1/tokens", viewer, Map.of("name", "ci")).status()).isEqualTo(403);
        assertThat(zhongtai.send("POST", "/api/v1/tokens", analyst, Map.of("name", "ci")).status()).isEqualTo(201);
        assertThat(zhongtai.send("POST", "/api/v1/warehouses/demo/crawl", analyst, null).status()).isEqualTo(403);
        assertThat(zhongtai.send("POST", "/api/v1/tags", analyst, Map.of("name", "sec-tag")).status()).isEqualTo(403);
        assertThat(zhongtai.send("POST", "/api/v1/tags", steward, Map.of("name", "sec-tag")).status()).isIn(201, 409);
        Map<String, Object> warehouse = Map.of("name", "sec-wh", "jdbcUrl", "jdbc:duckdb:");
        assertThat(zhongtai.send("POST", "/api/v1/warehouses", steward, warehouse).status()).isEqualTo(403);
        assertThat(zhongtai.send("GET", "/api/v1/users", steward, null).status()).isEqualTo(403);
        assertThat(zhongtai.send("GET", "/api/v1/audit", steward, null).status()).isEqualTo(403);
        assertThat(zhongtai.send("GET", "/api/v1/audit", admin, null).status()).isEqualTo(200);
        assertThat(zhongtai.send("GET", "/api/v1/me", viewer, null).json().get("role").asText()).isEqualTo("viewer");
    }

    @Test
    void groupsGrantTheirRoleToMembers() {
        String token = zhongtai.tokenFor("sec-member", "viewer");
        String admin = zhongtai.adminToken();
        String orders = "/api/v1/assets/" + TestingZhongtai.encode("table:demo.retail.customers");
        assertThat(zhongtai.send("PATCH", orders, token, Map.of("terms", List.of())).status()).isEqualTo(403);
        Response group = zhongtai.send(
                "POST", "/api/v1/groups", admin, Map.of("name", "sec-stewards", "role", "steward", "members", List.of("sec-member")));
        assertThat(group.status()).isEqualTo(201);
        String again = zhongtai.login("sec-member", "password-of-sec-member");
        assertThat(zhongtai.send("GET", "/api/v1/me", again, null).json().get("effectiveRole").asText()).isEqualTo("steward");
        assertThat(zhongtai.send("PATCH", orders, again, Map.of("terms", List.of())).status()).isEqualTo(200);
    }

    @Test
    void apiTokensWorkLikeLoginTokensUntilRevoked() {
        String analyst = zhongtai.tokenFor("sec-robot", "analyst");
        Response created = zhongtai.send("POST", "/api/v1/tokens", analyst, Map.of("name", "openlineage", "expiresInDays", 30));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("token").asText();
        assertThat(secret).startsWith("ztk_");
        assertThat(zhongtai.send("GET", "/api/v1/me", secret, null).json().get("username").asText()).isEqualTo("sec-robot");

        JsonNode listed = zhongtai.send("GET", "/api/v1/tokens", analyst, null).json();
        assertThat(listed.findValuesAsText("name")).contains("openlineage");
        assertThat(listed.get(0).get("token").isNull()).as("the secret is shown only once").isTrue();
        assertThat(zhongtai.send("DELETE", "/api/v1/tokens/" + created.json().get("id").asText(), analyst, null).status())
                .isEqualTo(204);
        assertThat(zhongtai.send("GET", "/api/v1/me", secret, null).status()).isEqualTo(401);
        assertThat(zhongtai.send("POST", "/api/v1/tokens", analyst, Map.of("name", "x", "expiresInDays", 0)).status()).isEqualTo(400);
    }

    @Test
    void writesAreAuditedWithUserActionTargetAndOutcome() {
        String steward = zhongtai.tokenFor("sec-auditee", "steward");
        zhongtai.send("POST", "/api/v1/terms", steward, Map.of("name", "Audited Term", "description", "for the audit test"));
        zhongtai.send("POST", "/api/v1/warehouses", steward, Map.of("name", "nope", "jdbcUrl", "jdbc:duckdb:"));
        JsonNode entries = zhongtai.send("GET", "/api/v1/audit?user=sec-auditee", zhongtai.adminToken(), null).json().get("items");
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo("POST /api/v1/terms");
            assertThat(entry.get("status").asInt()).isIn(201, 409);
        });
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.get("action").asText()).isEqualTo("POST /api/v1/warehouses");
            assertThat(entry.get("status").asInt()).isEqualTo(403);
        });
        JsonNode logins = zhongtai.send("GET", "/api/v1/audit?user=sec-auditee", zhongtai.adminToken(), null).json().get("items");
        assertThat(logins.findValuesAsText("action")).contains("POST /login");
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String hs256(String header, String claims, String secret) {
        try {
            String signingInput = base64(header) + "." + base64(claims);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
