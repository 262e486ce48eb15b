package io.zhongtai.nl.conversation;

import io.zhongtai.metrics.query.MetricQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Conversations kept in memory: each carries the structured query of its last answer (what a
 * follow-up changes) and its recent turns (what feedback refers to). Bounded: at most
 * {@code maxConversations} (the least recently used goes first) and each forgotten after
 * {@code idleExpiry} without a question; at most {@link #MAX_TURNS} turns each. State is per
 * service instance: behind a load balancer, send a conversation to the same instance.
 */
public final class ConversationStore {
    public static final int MAX_TURNS = 20;

    /** One question and what it was read as. */
    public record Turn(int number, String question, String parser, MetricQuery interpretation, String kind, Instant at) {}

    /** A conversation: its owner, its last answered query and its turns. */
    public static final class Conversation {
        private final String id;
        private final String owner;
        private MetricQuery last;
        private final List<Turn> turns = new ArrayList<>();
        private Instant touched;

        Conversation(String id, String owner, Instant now) {
            this.id = id;
            this.owner = owner;
            this.touched = now;
        }

        public String id() {
            return id;
        }

        public String owner() {
            return owner;
        }

        public synchronized MetricQuery last() {
            return last;
        }

        public synchronized List<Turn> turns() {
            return List.copyOf(turns);
        }

        public synchronized Optional<Turn> turn(int number) {
            return turns.stream().filter(t -> t.number() == number).findFirst();
        }

        synchronized Turn add(String question, String parser, MetricQuery interpretation, String kind, Instant now) {
            int number = turns.isEmpty() ? 1 : turns.get(turns.size() - 1).number() + 1;
            Turn turn = new Turn(number, question, parser, interpretation, kind, now);
            turns.add(turn);
            if (turns.size() > MAX_TURNS) {
                turns.remove(0);
            }
            if (interpretation != null && kind.equals("answer")) {
                last = interpretation;
            }
            return turn;
        }
    }

    private final int maxConversations;
    private final Duration idleExpiry;
    private final Clock clock;
    private final LinkedHashMap<String, Conversation> conversations = new LinkedHashMap<>(16, 0.75f, true);

    public ConversationStore(int maxConversations, Duration idleExpiry, Clock clock) {
        this.maxConversations = maxConversations;
        this.idleExpiry = idleExpiry;
        this.clock = clock;
    }

    /** 10,000 conversations, 30 minutes idle. */
    public static ConversationStore defaults() {
        return new ConversationStore(10_000, Duration.ofMinutes(30), Clock.systemUTC());
    }

    public Duration idleExpiry() {
        return idleExpiry;
    }

    public int maxConversations() {
        return maxConversations;
    }

    public synchronized Conversation start(String owner) {
        expire();
        Conversation conversation = new Conversation(UUID.randomUUID().toString(), owner, clock.instant());
        conversations.put(conversation.id(), conversation);
        while (conversations.size() > maxConversations) {
            Iterator<String> eldest = conversations.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        return conversation;
    }

    /** The conversation if it exists, has not expired and belongs to {@code owner}. */
    public synchronized Optional<Conversation> find(String id, String owner) {
        expire();
        Conversation conversation = conversations.get(id);
        if (conversation == null || !conversation.owner().equals(owner)) {
            return Optional.empty();
        }
        conversation.touched = clock.instant();
        return Optional.of(conversation);
    }

    public Turn record(Conversation conversation, String question, String parser, MetricQuery interpretation, String kind) {
        return conversation.add(question, parser, interpretation, kind, clock.instant());
    }

    public synchronized int size() {
        expire();
        return conversations.size();
    }

    private void expire() {
        Instant cutoff = clock.instant().minus(idleExpiry);
        conversations.values().removeIf(c -> c.touched.isBefore(cutoff));
    }

    /** For tests of the bound: the ids in least-recently-used order. */
    synchronized List<String> ids() {
        return new ArrayList<>(conversations.keySet());
    }

    Map<String, Conversation> view() {
        return conversations;
    }
}
