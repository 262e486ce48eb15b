package io.zhongtai.service.ask;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.zhongtai.nl.llm.LlmSettings;
import java.time.Duration;

/**
 * The LLM that reads questions ({@code ZHONGTAI_LLM_PROVIDER}, {@code ZHONGTAI_LLM_BASE_URL},
 * {@code ZHONGTAI_LLM_MODEL}, {@code ZHONGTAI_LLM_API_KEY}, {@code ZHONGTAI_LLM_TIMEOUT}); none by
 * default, and then the deterministic parser reads every question.
 */
@ConfigurationProperties("zhongtai.llm")
public record LlmConfig(
        @Nullable String provider, @Nullable String baseUrl, @Nullable String model, @Nullable String apiKey,
        @Nullable Duration timeout) {
    public LlmSettings settings() {
        return new LlmSettings(provider, baseUrl, model, apiKey, timeout);
    }
}
