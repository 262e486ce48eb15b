package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

/**
 * A join key of a semantic model. Two models that carry an entity of the same name can be
 * joined on it; the entity types say whether the join fans out.
 *
 * @param expr the key column or expression over the model's own columns
 * @param joinType {@code inner} when every row's key is non-null and matches a row of the model
 *     it joins (referential integrity), so joins along it may be INNER JOINs; {@code left} (the
 *     default) otherwise
 */
public record Entity(String name, EntityType type, String expr, String description, EntityJoinType joinType) {
    public Entity {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(expr, "expr is null");
        if (joinType == null) {
            joinType = EntityJoinType.LEFT;
        }
    }

    /** An entity joined with the default, safe LEFT JOIN. */
    public Entity(String name, EntityType type, String expr, String description) {
        this(name, type, expr, description, EntityJoinType.LEFT);
    }
}
