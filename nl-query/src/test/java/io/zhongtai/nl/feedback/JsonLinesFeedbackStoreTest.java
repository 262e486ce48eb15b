package io.zhongtai.nl.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.metrics.query.MetricQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFeedbackStoreTest {
    @TempDir
    Path home;

    @Test
    void feedbackSurvivesANewStoreAndComesBackNewestFirst() throws Exception {
        Path file = home.resolve("nl").resolve("feedback.jsonl");
        MetricQuery read = MetricQuery.builder().metrics("gmv").filters("category = 'Electronics'").build();
        MetricQuery right = MetricQuery.builder().metrics("units_sold").filters("category = 'Electronics'").build();
        new JsonLinesFeedbackStore(file).record(new Feedback("a", Instant.parse("2026-01-01T00:00:00Z"), "alice", "c1", 1,
                "电子产品卖了多少件", read, false, right, "件 is units"));
        new JsonLinesFeedbackStore(file).record(new Feedback("b", Instant.parse("2026-01-01T00:01:00Z"), "alice", "c1", 2,
                "GMV", MetricQuery.builder().metrics("gmv").build(), true, null, null));
        Files.writeString(file, "{not json\n", java.nio.file.StandardOpenOption.APPEND);

        var recent = new JsonLinesFeedbackStore(file).recent(10);

        assertThat(recent).extracting(Feedback::id).containsExactly("b", "a");
        assertThat(recent.get(1).corrected()).isEqualTo(right);
        assertThat(recent.get(1).example()).isEqualTo(right);
        assertThat(recent.get(0).example().metrics()).containsExactly("gmv");
        assertThat(recent.get(1).question()).isEqualTo("电子产品卖了多少件");
    }
}
