package io.zhongtai.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseStore;
import io.zhongtai.crawlers.jdbc.JdbcWarehouseConnections;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * The whole service, started once per test JVM on a random port with its own home: embedded
 * Neo4j, the demo warehouse at a small scale generated and crawled, the first admin with a
 * known password. Tests talk to it over real HTTP with real tokens, and keep apart by naming
 * what they create after themselves.
 */
public final class TestingZhongtai {
    public static final String ADMIN_PASSWORD = "admin-test-password";
    public static final double DEMO_SCALE = 0.05;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestingZhongtai instance;

    private final EmbeddedServer server;
    private final Path home;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private TestingZhongtai(EmbeddedServer server, Path home) {
        this.server = server;
        this.home = home;
    }

    public static synchronized TestingZhongtai get() {
        if (instance == null) {
            try {
                Path home = Files.createTempDirectory("zhongtai-test-home");
                EmbeddedServer server = ApplicationContext.run(
                        EmbeddedServer.class,
                        Map.of(
                                "micronaut.server.port", -1,
                                "zhongtai.home", home.toString(),
                                "zhongtai.admin-password", ADMIN_PASSWORD,
                                "zhongtai.demo.scale", DEMO_SCALE,
                                "zhongtai.neo4j.page-cache-mb", 64));
                instance = new TestingZhongtai(server, home);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close));
                instance.awaitHealthy(Duration.ofMinutes(3));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    public Path home() {
        return home;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + server.getPort() + path);
    }

    public static String encode(String identifier) {
        return URLEncoder.encode(identifier, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void awaitHealthy(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Response health = send("GET", "/health", null, null);
            if (health.status() == 200) {
                return;
            }
            sleep(200);
        }
        throw new IllegalStateException("Zhongtai did not become healthy in " + timeout);
    }

    /** A token from {@code POST /login}. */
    public String login(String username, String password) {
        Response response = send("POST", "/login", null, Map.of("username", username, "password", password));
        if (response.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + response);
        }
        return response.json().get("access_token").asText();
    }

    public String adminToken() {
        return login("admin", ADMIN_PASSWORD);
    }

    /** Creates a user with the role (if absent) and returns a token of theirs. */
    public String tokenFor(String username, String role) {
        String password = "password-of-" + username;
        Response created = send(
                "POST",
                "/api/v1/users",
                adminToken(),
                Map.of("username", username, "password", password, "role", role));
        if (created.status() != 201 && created.status() != 409) {
            throw new IllegalStateException("creating " + username + " failed: " + created);
        }
        return login(username, password);
    }

    public Response send(String method, String path, String token, Object body) {
        try {
            String text = body == null ? null : body instanceof String raw ? raw : JSON.writeValueAsString(body);
            return sendRaw(method, path, token, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response sendRaw(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for a crawl run (as its start answered it) to end, and returns the finished run. */
    public JsonNode awaitCrawl(String token, JsonNode started) {
        String id = started.get("id").asText();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = send("GET", "/api/v1/crawls/" + id, token, null).json();
            if (!run.get("status").asText().equals("running")) {
                return run;
            }
            sleep(100);
        }
        throw new AssertionError("crawl " + id + " did not finish");
    }

    /**
     * Runs SQL on a registered DuckDB warehouse through the service's own instance of the file
     * (DuckDB allows one per file per process).
     */
    public void execute(String warehouseName, String... statements) {
        Warehouse warehouse = bean(WarehouseStore.class).find(warehouseName).orElseThrow();
        try (Connection connection = bean(JdbcWarehouseConnections.class).open(warehouse, null);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, content type and body, with the body as JSON on demand. */
    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }
}
