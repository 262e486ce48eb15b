package io.zhongtai.nl.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/** Builds the LangChain4j chat model the settings name. */
public final class ChatModels {
    private ChatModels() {}

    public static ChatModel create(LlmSettings settings) {
        return switch (settings.provider()) {
            case "openai" -> OpenAiChatModel.builder()
                    .baseUrl(settings.baseUrl() == null ? "https://api.openai.com/v1" : settings.baseUrl())
                    .apiKey(settings.apiKey() == null ? "none" : settings.apiKey())
                    .modelName(settings.model())
                    .temperature(0.0)
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .build();
            case "ollama" -> OllamaChatModel.builder()
                    .baseUrl(settings.baseUrl() == null ? "http://localhost:11434" : settings.baseUrl())
                    .modelName(settings.model())
                    .temperature(0.0)
                    .timeout(settings.timeout())
                    .maxRetries(0)
                    .build();
            default -> throw new IllegalArgumentException("No LLM is configured");
        };
    }
}
