package io.zhongtai.service.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Crash safety with real process deaths. The service runs as a separate JVM on one home; it is
 * halted (as abruptly as {@code kill -9}, by the test-only {@link CrashPoints} hook) right after a
 * graph commit before indexing, while indexing a crawl before the index commit, and during the
 * catch-up of a start; and it is killed with SIGKILL at a random moment during a burst of
 * writes. After every restart, {@code /health} turns UP only once search has caught up, and the
 * consistency check finds the index holding exactly the graph's documents: none missing, none
 * stale, none extra, the applied sequence at the last change. Every write the service
 * acknowledged before a kill is in the graph and found by search.
 */
class SearchCrashIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "crash-test-password";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> started = new ArrayList<>();
    private final Path home;
    private final Path warehouse;

    SearchCrashIT() throws IOException {
        home = Files.createTempDirectory("zhongtai-crash-home");
        warehouse = home.resolve("shop-db").resolve("shop");
    }

    /** No service outlives the test, whatever failed; the home goes with them. */
    @AfterEach
    void killLeftovers() throws Exception {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor(1, TimeUnit.MINUTES);
        }
        try (var walk = Files.walk(home)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void theIndexHoldsExactlyTheGraphAfterEveryKindOfCrash() throws Exception {
        createShopDatabase(40, 6);

        // 1. halted in the middle of indexing a crawl: documents written, their batch not committed
        Service first = start("before-commit:6");
        first.awaitHealthy();
        String token = first.login();
        assertThat(first.send("POST", "/api/v1/warehouses", token,
                Map.of("name", "shop", "jdbcUrl", "jdbc:h2:file:" + warehouse)).status).isEqualTo(201);
        first.send("POST", "/api/v1/warehouses/shop/crawl", token, null);
        first.awaitHalt();

        // 2. the restart catches up; then halted right after a graph commit, before anything is indexed
        Service second = start("graph-commit:2");
        second.awaitHealthy();
        token = second.login();
        assertConsistent(second, token);
        assertThat(searchIds(second, token, "customer_orders_7")).first().isEqualTo("table:shop.sales.customer_orders_7");
        assertThat(second.send("PATCH", "/api/v1/assets/" + encode("table:shop.sales.customer_orders_1"), token,
                Map.of("description", "First edit: capybara")).status).isEqualTo(200);
        Response halted = second.send("PATCH", "/api/v1/assets/" + encode("table:shop.sales.customer_orders_2"), token,
                Map.of("description", "Second edit: committed to the graph, then the process died"));
        assertThat(halted.status).as("the service died before answering").isEqualTo(-1);
        second.awaitHalt();

        // 3. halted during the catch-up of a start, with the change read but nothing indexed
        Service third = start("before-index:1");
        third.awaitHalt();

        // 4. the restart catches up; then SIGKILL at a random moment during a burst of writes
        Service fourth = start(null);
        fourth.awaitHealthy();
        token = fourth.login();
        assertConsistent(fourth, token);
        assertThat(searchIds(fourth, token, "\"then the process died\"")).containsExactly("table:shop.sales.customer_orders_2");
        assertThat(searchIds(fourth, token, "capybara")).containsExactly("table:shop.sales.customer_orders_1");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<String> acknowledged = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        String writer = token;
        Thread burst = new Thread(() -> {
            for (int i = 0; writing.get(); i++) {
                String term = "Crash Term " + i;
                Response created = fourth.send("POST", "/api/v1/terms", writer,
                        Map.of("name", term, "description", "Written in burst " + i, "synonyms", List.of("burstword" + i)));
                if (created.status == 201) {
                    synchronized (acknowledged) {
                        acknowledged.add(term);
                    }
                } else if (created.status == -1) {
                    return;
                }
                fourth.send("PATCH", "/api/v1/assets/" + encode("table:shop.sales.customer_orders_" + (i % 40)), writer,
                        Map.of("description", "Burst edit " + i));
            }
        });
        burst.start();
        // the kill comes at a random moment once the burst is under way, whatever the machine's speed
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && acknowledgedCount(acknowledged) < 2) {
            Thread.sleep(20);
        }
        Thread.sleep(random.nextInt(2000));
        fourth.kill();
        writing.set(false);
        burst.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(acknowledged).as("writes acknowledged before the kill (seed %d)", seed).isNotEmpty();

        // 5. the restart catches up with everything the graph holds
        Service fifth = start(null);
        try {
            fifth.awaitHealthy();
            token = fifth.login();
            JsonNode report = assertConsistent(fifth, token);
            assertThat(report.get("documents").asLong()).isGreaterThan(40 * 7);
            for (String term : acknowledged) {
                assertThat(fifth.send("GET", "/api/v1/terms/" + encode(term), token, null).status).as(term).isEqualTo(200);
            }
            String last = acknowledged.get(acknowledged.size() - 1);
            String lastWord = "burstword" + last.substring("Crash Term ".length());
            assertThat(searchIds(fifth, token, lastWord)).first().isEqualTo("term:" + last);
        } finally {
            fifth.stop();
        }
    }

    private static int acknowledgedCount(List<String> acknowledged) {
        synchronized (acknowledged) {
            return acknowledged.size();
        }
    }

    private JsonNode assertConsistent(Service service, String token) {
        Response response = service.send("GET", "/api/v1/admin/search/consistency", token, null);
        assertThat(response.status).as(response.body).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("missing").asLong()).as(report.toString()).isZero();
        assertThat(report.get("stale").asLong()).as(report.toString()).isZero();
        assertThat(report.get("unexpected").asLong()).as(report.toString()).isZero();
        assertThat(report.get("documents").asLong()).isEqualTo(report.get("assets").asLong());
        assertThat(report.get("appliedSequence").asLong()).isEqualTo(report.get("lastSequence").asLong());
        assertThat(report.get("consistent").asBoolean()).isTrue();
        return report;
    }

    private List<String> searchIds(Service service, String token, String query) {
        Response response = service.send("GET", "/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8), token, null);
        assertThat(response.status).as(response.body).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("hits").forEach(hit -> ids.add(hit.get("id").asText()));
        return ids;
    }

    private void createShopDatabase(int tables, int columns) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + warehouse);
                Statement statement = connection.createStatement()) {
            // quoted: H2 upper-cases unquoted names, and the catalog keeps names as the source has them
            statement.execute("CREATE SCHEMA \"sales\"");
            for (int t = 0; t < tables; t++) {
                String table = "\"sales\".\"customer_orders_" + t + "\"";
                StringBuilder ddl = new StringBuilder("CREATE TABLE " + table + " (\"order_id\" BIGINT PRIMARY KEY");
                for (int c = 1; c < columns; c++) {
                    ddl.append(", \"attribute_").append(c).append("\" VARCHAR(40)");
                }
                statement.execute(ddl.append(")").toString());
                statement.execute("COMMENT ON TABLE " + table + " IS 'Orders of customer group " + t + "'");
            }
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** An HTTP answer; status -1 when the connection failed (the process died). */
    private record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Starts the service on the test's home, halting at the crash point when one is given. */
    private Service start(String crashAt) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-cp", classPath(),
                "-Dzhongtai.home=" + home,
                "-Dmicronaut.server.port=" + port,
                "-Dzhongtai.admin-password=" + PASSWORD,
                "-Dzhongtai.demo.enabled=false",
                "-Dzhongtai.neo4j.page-cache-mb=32",
                // small batches: a crawl's changes reach the index in many commits, so a crash lands between them
                "-Dzhongtai.search.batch-size=25"));
        if (crashAt != null) {
            command.add("-D" + CrashPoints.PROPERTY + "=" + crashAt);
        }
        command.add("io.zhongtai.service.Zhongtai");
        Path log = Files.createTempFile(home, "service-" + (crashAt == null ? "plain" : crashAt.replace(':', '-')) + "-", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        started.add(process);
        return new Service(process, port, log);
    }

    /** The service as a process of its own, started with the test's class path. */
    private final class Service {
        private final Process process;
        private final int port;
        private final Path log;

        private Service(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.log = log;
        }

        void awaitHealthy() throws IOException {
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("the service ended with " + process.exitValue() + " before it was healthy:\n" + tail());
                }
                if (send("GET", "/health", null, null).status == 200) {
                    return;
                }
                sleep(250);
            }
            throw new AssertionError("the service was not healthy within " + START_TIMEOUT + ":\n" + tail());
        }

        /** Waits for the crash hook to halt the JVM, and checks that it was the hook. */
        void awaitHalt() throws Exception {
            if (!process.waitFor(START_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the service did not reach its crash point:\n" + tail());
            }
            assertThat(process.exitValue()).as(tail()).isEqualTo(CrashPoints.HALT_STATUS);
        }

        /** SIGKILL: no shutdown hook, nothing flushed. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        }

        String login() {
            Response response = send("POST", "/login", null, Map.of("username", "admin", "password", PASSWORD));
            assertThat(response.status).as(response.body).isEqualTo(200);
            return response.json().get("access_token").asText();
        }

        Response send(String method, String path, String token, Object body) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofMinutes(2));
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                if (body != null) {
                    request.header("Content-Type", "application/json");
                }
                request.method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.body());
            } catch (IOException e) {
                return new Response(-1, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private String tail() throws IOException {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        }
    }

    /** The test's own class path (Failsafe names it; a plain JVM has it in java.class.path). */
    private static String classPath() {
        String tested = System.getProperty("surefire.test.class.path");
        return tested != null && !tested.isBlank() ? tested : System.getProperty("java.class.path");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
