package io.zhongtai.metrics.semantic;

import static java.util.Objects.requireNonNull;

import io.zhongtai.metrics.model.Measure;
import io.zhongtai.metrics.model.SemanticModel;

/** A measure with the semantic model that holds it. */
public record MeasureRef(SemanticModel model, Measure measure) {
    public MeasureRef {
        requireNonNull(model, "model is null");
        requireNonNull(measure, "measure is null");
    }

    /** The name of the measure's time dimension: its own, else its model's default, else null. */
    public String timeDimensionName() {
        return measure.timeDimension() != null ? measure.timeDimension() : model.defaultTimeDimension();
    }
}
