package io.zhongtai.nl.testing;

import io.zhongtai.nl.embed.EmbeddingParaphraseLinker;
import io.zhongtai.nl.embed.InProcessModels;

/** The real in-process embedding models, loaded once per test JVM. */
public final class Models {
    private static EmbeddingParaphraseLinker linker;

    private Models() {}

    public static synchronized EmbeddingParaphraseLinker linker() {
        if (linker == null) {
            linker = EmbeddingParaphraseLinker.withDefaults(DemoNl.get().catalog, InProcessModels.english(), InProcessModels.chinese());
        }
        return linker;
    }
}
