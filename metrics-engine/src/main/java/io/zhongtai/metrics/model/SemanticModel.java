package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One warehouse table described for metrics: its join keys (entities), dimensions and measures.
 *
 * @param warehouse the registered warehouse the table lives in (its metrics run there by default)
 * @param defaultTimeDimension the time dimension of its measures unless a measure names another
 * @param project the set of definitions it belongs to (a dbt project imported as a whole), or
 *     null: models join on shared entity names only within one project, so an imported project
 *     never changes how the others join
 */
public record SemanticModel(
        String name,
        String description,
        String warehouse,
        Relation relation,
        String defaultTimeDimension,
        List<Entity> entities,
        List<Dimension> dimensions,
        List<Measure> measures,
        String project) {
    public SemanticModel {
        requireNonNull(name, "name is null");
        requireNonNull(relation, "relation is null");
        entities = List.copyOf(entities == null ? List.of() : entities);
        dimensions = List.copyOf(dimensions == null ? List.of() : dimensions);
        measures = List.copyOf(measures == null ? List.of() : measures);
    }

    /** A model of the default project. */
    public SemanticModel(String name, String description, String warehouse, Relation relation,
            String defaultTimeDimension, List<Entity> entities, List<Dimension> dimensions, List<Measure> measures) {
        this(name, description, warehouse, relation, defaultTimeDimension, entities, dimensions, measures, null);
    }

    public Optional<Entity> entity(String entityName) {
        return entities.stream().filter(e -> e.name().equals(entityName)).findFirst();
    }

    public Optional<Dimension> dimension(String dimensionName) {
        return dimensions.stream().filter(d -> d.name().equals(dimensionName)).findFirst();
    }

    public Optional<Measure> measure(String measureName) {
        return measures.stream().filter(m -> m.name().equals(measureName)).findFirst();
    }

    /** The primary (or unique, or natural) entity, if the model has one. */
    public Optional<Entity> primaryEntity() {
        return entities.stream().filter(e -> e.type() == EntityType.PRIMARY).findFirst()
                .or(() -> entities.stream().filter(e -> e.type().isUnique()).findFirst());
    }
}
