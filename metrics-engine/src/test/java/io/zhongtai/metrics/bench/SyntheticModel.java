package io.zhongtai.metrics.bench;

import io.zhongtai.metrics.model.Aggregation;
import io.zhongtai.metrics.model.Dimension;
import io.zhongtai.metrics.model.DimensionType;
import io.zhongtai.metrics.model.Entity;
import io.zhongtai.metrics.model.EntityType;
import io.zhongtai.metrics.model.Labels;
import io.zhongtai.metrics.model.Measure;
import io.zhongtai.metrics.model.Metric;
import io.zhongtai.metrics.model.MetricInput;
import io.zhongtai.metrics.model.MetricSpec;
import io.zhongtai.metrics.model.Relation;
import io.zhongtai.metrics.model.SemanticManifest;
import io.zhongtai.metrics.model.SemanticModel;
import io.zhongtai.metrics.model.TimeGrain;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A large generated manifest for the compile benchmark: {@code facts} fact models, each with five
 * measures, a time dimension and foreign keys to four dimension models; dimension models in
 * chains of up to three hops (store -> city -> region); metrics simple (half filtered), ratio and
 * derived in a 5:3:2 mix.
 */
public final class SyntheticModel {
    private SyntheticModel() {}

    public static SemanticManifest generate(int models, int metrics, long seed) {
        Random random = new Random(seed);
        int facts = models / 5;
        int dimensionModels = models - facts;
        List<SemanticModel> out = new ArrayList<>();
        for (int d = 0; d < dimensionModels; d++) {
            List<Entity> entities = new ArrayList<>();
            entities.add(new Entity("e" + d, EntityType.PRIMARY, "id", null));
            // a chain: every third dimension model points at the next one, two levels deep
            if (d % 3 != 2 && d + 1 < dimensionModels) {
                entities.add(new Entity("e" + (d + 1), EntityType.FOREIGN, "parent_id", null));
            }
            List<Dimension> dimensions = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                dimensions.add(new Dimension("d" + d + "_attr" + k, DimensionType.CATEGORICAL, "attr" + k, null,
                        new Labels("Attribute " + k + " of " + d, null, List.of(), List.of()), null, null, List.of()));
            }
            out.add(new SemanticModel("dim" + d, null, "bench", new Relation("s", "dim" + d), null, entities, dimensions,
                    List.of()));
        }
        List<String> measures = new ArrayList<>();
        for (int f = 0; f < facts; f++) {
            List<Entity> entities = new ArrayList<>();
            entities.add(new Entity("fact" + f, EntityType.PRIMARY, "id", null));
            for (int k = 0; k < 4; k++) {
                int target = random.nextInt(dimensionModels / 3) * 3;
                if (entities.stream().noneMatch(e -> e.name().equals("e" + target))) {
                    entities.add(new Entity("e" + target, EntityType.FOREIGN, "key" + k, null));
                }
            }
            List<Dimension> dimensions = List.of(
                    new Dimension("f" + f + "_time", DimensionType.TIME, "happened_on", TimeGrain.DAY,
                            Labels.of("Time of " + f), null, null, List.of()),
                    new Dimension("f" + f + "_status", DimensionType.CATEGORICAL, "status", null,
                            Labels.of("Status of " + f), null, null, List.of()));
            List<Measure> factMeasures = new ArrayList<>();
            Aggregation[] aggs = {Aggregation.SUM, Aggregation.COUNT, Aggregation.COUNT_DISTINCT, Aggregation.AVERAGE,
                    Aggregation.MAX};
            for (int k = 0; k < 5; k++) {
                String name = "m" + f + "_" + k;
                factMeasures.add(new Measure(name, aggs[k], k == 1 ? "1" : "amount" + k, null, null, null, null, null));
                measures.add(name);
            }
            out.add(new SemanticModel("fact" + f, null, "bench", new Relation("s", "fact" + f), "f" + f + "_time",
                    entities, dimensions, factMeasures));
        }
        List<Metric> metricList = new ArrayList<>();
        for (int i = 0; i < metrics; i++) {
            MetricSpec spec;
            int kind = i % 10;
            if (kind < 5 || i < 10) {
                String measure = measures.get(random.nextInt(measures.size()));
                String fact = measure.substring(1, measure.indexOf('_'));
                spec = new MetricSpec.Simple(measure, i % 2 == 0 ? "f" + fact + "_status = 'ok'" : null);
            } else if (kind < 8) {
                spec = new MetricSpec.Ratio(MetricInput.ofMetric("metric" + random.nextInt(i)),
                        MetricInput.ofMetric("metric" + random.nextInt(i)));
            } else {
                String a = "metric" + random.nextInt(i);
                String b = "metric" + random.nextInt(i);
                spec = a.equals(b) ? new MetricSpec.Simple(measures.get(0), null)
                        : new MetricSpec.Derived("(" + a + " - " + b + ") / " + b,
                                List.of(MetricInput.ofMetric(a), MetricInput.ofMetric(b)));
            }
            metricList.add(new Metric("metric" + i, spec, Labels.of("Metric " + i), null, null, null, List.of(), null, null));
        }
        return new SemanticManifest(out, metricList, List.of());
    }
}
