package io.zhongtai.nl.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.metrics.query.MetricQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ConversationStoreTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void keepsTheLastAnsweredQueryOfItsOwner() {
        ConversationStore store = new ConversationStore(10, Duration.ofMinutes(30), clock);
        ConversationStore.Conversation conversation = store.start("alice");
        MetricQuery gmv = MetricQuery.builder().metrics("gmv").build();
        store.record(conversation, "GMV", "deterministic", gmv, "answer");
        store.record(conversation, "门店销售额", "deterministic", null, "clarification");

        assertThat(store.find(conversation.id(), "alice").orElseThrow().last()).isEqualTo(gmv);
        assertThat(conversation.turns()).extracting(ConversationStore.Turn::number).containsExactly(1, 2);
        assertThat(store.find(conversation.id(), "bob")).isEmpty();
    }

    @Test
    void forgetsIdleConversationsAndTheLeastRecentlyUsedBeyondTheBound() {
        ConversationStore store = new ConversationStore(2, Duration.ofMinutes(30), clock);
        ConversationStore.Conversation first = store.start("alice");
        ConversationStore.Conversation second = store.start("alice");
        store.find(first.id(), "alice");
        ConversationStore.Conversation third = store.start("alice");

        assertThat(store.find(second.id(), "alice")).isEmpty();
        assertThat(store.find(first.id(), "alice")).isPresent();
        now.set(now.get().plus(Duration.ofMinutes(31)));
        assertThat(store.find(third.id(), "alice")).isEmpty();
        assertThat(store.size()).isZero();
    }
}
