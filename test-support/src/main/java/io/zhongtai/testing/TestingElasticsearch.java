package io.zhongtai.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Elasticsearch node for the tests, started once per test JVM without Docker
 * (DEPENDENCIES.md, "Elasticsearch, real, without Docker").
 *
 * <p>The distribution is the {@code integ-test-zip} from Maven, unpacked into {@code target/} by
 * the build (system property {@code zhongtai.elasticsearch.home}). It is copied into a fresh
 * temporary folder so that each JVM has its own data and configuration, and so that a system
 * user can own it: Elasticsearch refuses to run as root, and these machines and CI run as root.
 * As root this helper creates the system user {@value #USER} when missing, hands the copy to
 * it, and starts the node through {@code runuser}; as anyone else it starts the node plainly.
 * The node listens on 127.0.0.1 at free ports, single-node, security off, 512 MB heap, and is
 * stopped by a shutdown hook. Nothing needs to be done by hand before {@code ./mvnw verify}.
 */
public final class TestingElasticsearch {
    private static final Logger LOG = LoggerFactory.getLogger(TestingElasticsearch.class);
    static final String USER = "zhongtai-es";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
    private static TestingElasticsearch instance;

    private final URI uri;
    private final Process process;
    private final Path work;

    private TestingElasticsearch(URI uri, Process process, Path work) {
        this.uri = uri;
        this.process = process;
        this.work = work;
    }

    /** The node, started on first use. */
    public static synchronized TestingElasticsearch instance() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** {@code http://127.0.0.1:<port>} */
    public URI uri() {
        return uri;
    }

    private static TestingElasticsearch start() {
        Path home = distribution();
        Instant started = Instant.now();
        try {
            Path work = Files.createTempDirectory("zhongtai-es-");
            Path copy = work.resolve("elasticsearch");
            copyTree(home, copy);
            Files.createDirectories(work.resolve("data"));
            Files.createDirectories(work.resolve("logs"));
            Files.createDirectories(work.resolve("tmp"));
            boolean root = isRoot();
            if (root) {
                ensureUser();
                run(List.of("chown", "-R", USER + ":", work.toString()));
            }
            int httpPort = freePort();
            int transportPort = freePort();
            List<String> command = new ArrayList<>();
            if (root) {
                command.addAll(List.of("runuser", "-u", USER, "--"));
            }
            command.addAll(List.of(
                    "env",
                    "ES_JAVA_HOME=" + System.getProperty("java.home"),
                    // C1 only: the node is up and through the suite in about half the time on two
                    // shared cores; a test node needs no peak throughput
                    "ES_JAVA_OPTS=-Xms512m -Xmx512m -XX:TieredStopAtLevel=1",
                    "ES_TMPDIR=" + work.resolve("tmp"),
                    copy.resolve("bin/elasticsearch").toString(),
                    "-E", "discovery.type=single-node",
                    "-E", "network.host=127.0.0.1",
                    "-E", "http.port=" + httpPort,
                    "-E", "transport.port=" + transportPort,
                    "-E", "xpack.security.enabled=false",
                    "-E", "cluster.name=zhongtai-test",
                    "-E", "node.name=zhongtai-test",
                    "-E", "path.data=" + work.resolve("data"),
                    "-E", "path.logs=" + work.resolve("logs"),
                    // the shared disk of a build machine may be fuller than the default watermarks allow
                    "-E", "cluster.routing.allocation.disk.threshold_enabled=false",
                    "-E", "action.destructive_requires_name=false"));
            Path console = work.resolve("console.log");
            Process process = new ProcessBuilder(command)
                    .directory(copy.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(console.toFile())
                    .start();
            TestingElasticsearch node = new TestingElasticsearch(URI.create("http://127.0.0.1:" + httpPort), process, work);
            Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "stop-testing-elasticsearch"));
            node.awaitYellow(console);
            LOG.info(
                    "Elasticsearch {} up at {} in {} ms (as {})", home.getFileName(), node.uri,
                    Duration.between(started, Instant.now()).toMillis(), root ? USER : "the current user");
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch could not be started from " + home, e);
        }
    }

    private static Path distribution() {
        String configured = System.getProperty("zhongtai.elasticsearch.home");
        Path home = configured != null ? Path.of(configured) : Path.of("target/elasticsearch-8.19.21");
        if (!Files.isExecutable(home.resolve("bin/elasticsearch"))) {
            throw new IllegalStateException("No Elasticsearch distribution at " + home.toAbsolutePath()
                    + ": run the integration tests through Maven (./mvnw verify -pl search-index -am), whose"
                    + " pre-integration-test phase unpacks it");
        }
        return home;
    }

    private void awaitYellow(Path console) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Elasticsearch exited with " + process.exitValue() + ":\n" + tail(console));
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(uri.resolve("/_cluster/health?wait_for_status=yellow&timeout=1s"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().contains("\"timed_out\":true")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Elasticsearch", e);
            }
            sleep(500);
        }
        stop();
        throw new IllegalStateException("Elasticsearch was not yellow within " + START_TIMEOUT + ":\n" + tail(console));
    }

    private void stop() {
        // the node runs under runuser and a launcher: stop the whole tree, the node first
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteQuietly(work);
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            id.waitFor(10, TimeUnit.SECONDS);
            return uid.equals("0");
        } catch (IOException e) {
            return false; // no id command: not a Unix where root matters
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void ensureUser() {
        if (exitCode(List.of("id", "-u", USER)) == 0) {
            return;
        }
        int created = exitCode(List.of("useradd", "-r", "-m", USER));
        // 9: created meanwhile by another test JVM
        if (created != 0 && created != 9) {
            throw new IllegalStateException("useradd -r -m " + USER + " failed with exit code " + created);
        }
    }

    private static void run(List<String> command) {
        int code = exitCode(command);
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + code);
        }
    }

    private static int exitCode(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    // attributes kept: the launch scripts and the bundled tools must stay executable
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no console log: " + e.getMessage() + ")";
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder: the system cleans it up eventually
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
