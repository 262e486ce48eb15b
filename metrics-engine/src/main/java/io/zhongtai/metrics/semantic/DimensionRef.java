package io.zhongtai.metrics.semantic;

import static java.util.Objects.requireNonNull;

import io.zhongtai.metrics.model.Dimension;
import io.zhongtai.metrics.model.SemanticModel;

/** A dimension as reached from a measure's model: where it lives and the joins to get there. */
public record DimensionRef(SemanticModel model, Dimension dimension, JoinPath path) {
    public DimensionRef {
        requireNonNull(model, "model is null");
        requireNonNull(dimension, "dimension is null");
        requireNonNull(path, "path is null");
    }
}
