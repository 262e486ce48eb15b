package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole set of definitions: semantic models, metrics and access policies, as read from YAML
 * files, a dbt semantic manifest, or the store. {@link io.zhongtai.metrics.validate.ManifestValidator}
 * checks that the references hold.
 */
public record SemanticManifest(List<SemanticModel> models, List<Metric> metrics, List<AccessPolicy> policies) {
    public SemanticManifest {
        models = List.copyOf(requireNonNull(models, "models is null"));
        metrics = List.copyOf(requireNonNull(metrics, "metrics is null"));
        policies = List.copyOf(policies == null ? List.of() : policies);
    }

    public static SemanticManifest empty() {
        return new SemanticManifest(List.of(), List.of(), List.of());
    }

    public Optional<SemanticModel> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** Every dimension of every model, by name (the first model wins on a clash, which validation refuses). */
    public Map<String, Dimension> dimensionsByName() {
        Map<String, Dimension> byName = new LinkedHashMap<>();
        for (SemanticModel model : models) {
            for (Dimension dimension : model.dimensions()) {
                byName.putIfAbsent(dimension.name(), dimension);
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    /** This manifest with the metrics of {@code other} replacing or joining its own, and its models and policies added. */
    public SemanticManifest merge(SemanticManifest other) {
        List<SemanticModel> mergedModels = new ArrayList<>(models);
        for (SemanticModel model : other.models()) {
            mergedModels.removeIf(m -> m.name().equals(model.name()));
            mergedModels.add(model);
        }
        List<Metric> mergedMetrics = new ArrayList<>(metrics);
        for (Metric metric : other.metrics()) {
            mergedMetrics.removeIf(m -> m.name().equals(metric.name()));
            mergedMetrics.add(metric);
        }
        List<AccessPolicy> mergedPolicies = new ArrayList<>(policies);
        mergedPolicies.addAll(other.policies());
        return new SemanticManifest(mergedModels, mergedMetrics, mergedPolicies);
    }
}
