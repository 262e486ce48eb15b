package io.zhongtai.nl.llm;

import java.time.Duration;
import java.util.Locale;

/**
 * Which LLM reads questions, if any ({@code ZHONGTAI_LLM_PROVIDER} and friends, README).
 *
 * @param provider {@code none} (the default: the deterministic parser alone), {@code openai} (any
 *     OpenAI-compatible chat-completions endpoint) or {@code ollama}
 * @param baseUrl the endpoint, e.g. {@code https://api.openai.com/v1} or {@code http://localhost:11434}
 * @param model the model name
 * @param apiKey the key, for providers that need one
 * @param timeout how long a question may wait for the LLM before the deterministic parser answers
 */
public record LlmSettings(String provider, String baseUrl, String model, String apiKey, Duration timeout) {
    public LlmSettings {
        provider = provider == null || provider.isBlank() ? "none" : provider.trim().toLowerCase(Locale.ROOT);
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
        if (!provider.equals("none") && !provider.equals("openai") && !provider.equals("ollama")) {
            throw new IllegalArgumentException("Unknown LLM provider '" + provider + "': use none, openai or ollama");
        }
        if (!provider.equals("none") && (model == null || model.isBlank())) {
            throw new IllegalArgumentException("The LLM provider " + provider + " needs a model name (ZHONGTAI_LLM_MODEL)");
        }
    }

    public static LlmSettings none() {
        return new LlmSettings("none", null, null, null, null);
    }

    public boolean enabled() {
        return !provider.equals("none");
    }
}
