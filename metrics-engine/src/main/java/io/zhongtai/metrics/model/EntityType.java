package io.zhongtai.metrics.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The cardinality of an entity (a join key) within its semantic model. A primary, unique or
 * natural entity names at most one row per key; a foreign one may repeat. Joining a foreign key
 * to a primary key is many-to-one and never multiplies rows; the other direction fans out.
 */
public enum EntityType {
    PRIMARY,
    UNIQUE,
    NATURAL,
    FOREIGN;

    @JsonValue
    public String value() {
        return NamedValue.of(this);
    }

    @JsonCreator
    public static EntityType fromValue(String value) {
        return NamedValue.parse(EntityType.class, "type", value);
    }

    /** True when a key value names at most one row of the model. */
    public boolean isUnique() {
        return this != FOREIGN;
    }
}
