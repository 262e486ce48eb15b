package io.zhongtai.metrics.semantic;

import static java.util.Objects.requireNonNull;

import io.zhongtai.metrics.model.Entity;
import io.zhongtai.metrics.model.SemanticModel;

/**
 * One join between two semantic models on an entity they share.
 *
 * @param fanOut true when a row of {@code from} may meet several rows of {@code to} (its key is
 *     unique on the {@code from} side and repeats on the {@code to} side)
 */
public record JoinHop(SemanticModel from, Entity fromEntity, SemanticModel to, Entity toEntity, boolean fanOut) {
    public JoinHop {
        requireNonNull(from, "from is null");
        requireNonNull(fromEntity, "fromEntity is null");
        requireNonNull(to, "to is null");
        requireNonNull(toEntity, "toEntity is null");
    }

    @Override
    public String toString() {
        return from.name() + " -[" + fromEntity.name() + (fanOut ? ", one-to-many" : "") + "]-> " + to.name();
    }
}
