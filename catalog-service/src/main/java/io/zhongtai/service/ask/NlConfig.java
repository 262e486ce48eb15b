package io.zhongtai.service.ask;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * Settings of the question service ({@code zhongtai.nl.*}).
 *
 * @param embeddings load the in-process embedding models for paraphrases (default true); they load
 *     in the background on the first question
 * @param maxConversations conversations kept in memory (default 10,000)
 * @param conversationIdle how long a conversation is kept after its last question (default 30 minutes)
 */
@ConfigurationProperties("zhongtai.nl")
public record NlConfig(@Nullable Boolean embeddings, @Nullable Integer maxConversations, @Nullable Duration conversationIdle) {
    public boolean embeddingsEnabled() {
        return embeddings == null || embeddings;
    }

    public int conversations() {
        return maxConversations == null ? 10_000 : maxConversations;
    }

    public Duration idle() {
        return conversationIdle == null ? Duration.ofMinutes(30) : conversationIdle;
    }
}
