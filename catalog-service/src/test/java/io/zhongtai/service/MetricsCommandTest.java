package io.zhongtai.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.metrics.demo.DemoMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code zhongtai metrics validate DIR} on real files. */
class MetricsCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return MetricsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void validDefinitionsPass(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("demo.yml"), DemoMetrics.yaml());
        assertThat(run("validate", directory.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: 8 semantic models, 11 metrics, 0 policies");
    }

    @Test
    void problemsAreListedOnePerLineWithFileAndPlace(@TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("demo.yml"), DemoMetrics.yaml());
        Files.createDirectories(directory.resolve("team"));
        Files.writeString(directory.resolve("team/extra.yml"), """
                metrics:
                  - {name: online_gmv, type: simple, measure: revenue, filter: "chanel = 'online'"}
                  - {name: aov_2, type: ratio, numerator: gmv, denominator: order_cnt}
                """);
        assertThat(run("validate", directory.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "metric online_gmv filter: unknown dimension 'chanel' (line 1, column 1); did you mean channel?",
                "metric aov_2 denominator metric: unknown metric 'order_cnt'; did you mean order_count?",
                "2 problems");
        Files.writeString(directory.resolve("team/broken.yml"), "metrics:\n  - {name: x, type: simple\n");
        assertThat(run("validate", directory.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("team/broken.yml: not valid YAML at line");
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run("check")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: zhongtai metrics validate DIR");
    }
}
