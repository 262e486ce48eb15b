package io.zhongtai.nl.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.zhongtai.nl.QueryJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feedback appended as one JSON object per line to a file ({@code $ZHONGTAI_HOME/nl/feedback.jsonl}),
 * forced to disk on each write: append-only, readable and editable by a reviewer with any tool,
 * and kept across restarts. A line that cannot be read (a crash mid-line) is skipped with a
 * warning.
 */
public final class JsonLinesFeedbackStore implements FeedbackStore {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFeedbackStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public JsonLinesFeedbackStore(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void record(Feedback feedback) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", feedback.id());
        node.put("at", feedback.at().toString());
        node.put("user", feedback.user());
        node.put("conversationId", feedback.conversationId());
        node.put("turn", feedback.turn());
        node.put("question", feedback.question());
        if (feedback.interpretation() != null) {
            node.set("interpretation", QueryJson.toJson(feedback.interpretation()));
        }
        node.put("verdict", feedback.correct() ? "correct" : "incorrect");
        if (feedback.corrected() != null) {
            node.set("corrected", QueryJson.toJson(feedback.corrected()));
        }
        if (feedback.comment() != null) {
            node.put("comment", feedback.comment());
        }
        byte[] line = (node.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(line));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write feedback to " + file, e);
        }
    }

    @Override
    public synchronized List<Feedback> recent(int limit) {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<Feedback> all = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    all.add(new Feedback(node.get("id").asText(), Instant.parse(node.get("at").asText()), node.get("user").asText(),
                            text(node, "conversationId"), node.path("turn").asInt(), node.get("question").asText(),
                            node.hasNonNull("interpretation") ? QueryJson.fromJson(node.get("interpretation")) : null,
                            "correct".equals(text(node, "verdict")),
                            node.hasNonNull("corrected") ? QueryJson.fromJson(node.get("corrected")) : null,
                            text(node, "comment")));
                } catch (RuntimeException | IOException e) {
                    LOG.warn("Skipping an unreadable feedback line in {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read feedback from " + file, e);
        }
        Collections.reverse(all);
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : List.copyOf(all);
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
