package io.zhongtai.nl.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.zhongtai.nl.Language;
import io.zhongtai.nl.embed.EmbeddingParaphraseLinker;
import io.zhongtai.nl.embed.ParaphraseLinker;
import io.zhongtai.nl.testing.DemoNl;
import io.zhongtai.nl.testing.Models;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real bundled embedding models (all-MiniLM-L6-v2, bge-small-zh-v1.5) linking paraphrases no
 * synonym lists, and the evaluation sets read with them.
 */
class ParaphraseIT {
    @Test
    void chineseParaphrasesReachTheirMetric() {
        EmbeddingParaphraseLinker linker = Models.linker();
        assertThat(top(linker.nearestMetrics("存货", Language.ZH))).isEqualTo("inventory_on_hand");
        assertThat(top(linker.nearestMetrics("退货比例", Language.ZH))).isEqualTo("refund_rate");
        assertThat(top(linker.nearestMetrics("顾客满意程度", Language.ZH))).isEqualTo("avg_rating");
    }

    @Test
    void englishParaphrasesReachTheirMetric() {
        EmbeddingParaphraseLinker linker = Models.linker();
        assertThat(top(linker.nearestMetrics("stock levels", Language.EN))).isEqualTo("inventory_on_hand");
    }

    @Test
    void unrelatedWordsLinkToNothing() {
        EmbeddingParaphraseLinker linker = Models.linker();
        assertThat(linker.nearestMetrics("tell me a joke", Language.EN)).isEmpty();
        assertThat(linker.nearestMetrics("给我讲个笑话", Language.ZH)).isEmpty();
    }

    @Test
    void evaluationSetsWithEmbeddings() {
        var parser = DemoNl.get().parser(Models.linker());
        List<Evaluation.Outcome> development = Evaluation.run(parser, EvalCase.load(), null);
        List<Evaluation.Outcome> heldOut = Evaluation.run(parser, EvalCase.heldOut(), null);
        System.out.println("WITH EMBEDDINGS, development set\n" + Evaluation.report(development));
        System.out.println("WITH EMBEDDINGS, held-out set\n" + Evaluation.report(heldOut));
        // embeddings only add readings where names found none: they must not cost the names' accuracy
        List<Evaluation.Outcome> namesOnly = Evaluation.run(DemoNl.get().parser(), EvalCase.load(), null);
        assertThat(Evaluation.accuracy(development, null)).isGreaterThanOrEqualTo(Evaluation.accuracy(namesOnly, null) - 0.01);
    }

    private static String top(List<ParaphraseLinker.Scored> scored) {
        return scored.isEmpty() ? null : scored.get(0).metric();
    }
}
