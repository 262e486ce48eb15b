package io.zhongtai.metrics.semantic;

import static java.util.Objects.requireNonNull;

import io.zhongtai.metrics.model.SemanticModel;
import java.util.List;
import java.util.stream.Collectors;

/** The joins from a measure's model to the model of a dimension; empty when it is the same model. */
public record JoinPath(SemanticModel source, List<JoinHop> hops) {
    public JoinPath {
        requireNonNull(source, "source is null");
        hops = List.copyOf(hops);
    }

    public SemanticModel target() {
        return hops.isEmpty() ? source : hops.get(hops.size() - 1).to();
    }

    public boolean fansOut() {
        return hops.stream().anyMatch(JoinHop::fanOut);
    }

    /** The entity of the last hop: what MetricFlow-style names ({@code customer__gender}) put in front. */
    public String lastEntity() {
        return hops.isEmpty() ? null : hops.get(hops.size() - 1).toEntity().name();
    }

    @Override
    public String toString() {
        if (hops.isEmpty()) {
            return source.name();
        }
        return source.name() + hops.stream().map(h -> " -[" + h.fromEntity().name() + "]-> " + h.to().name())
                .collect(Collectors.joining());
    }
}
