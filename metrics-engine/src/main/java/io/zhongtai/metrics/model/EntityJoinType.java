package io.zhongtai.metrics.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a semantic model joins the model an entity of it leads to (many-to-one or one-to-one).
 * {@code left}, the default, keeps a row whose key is null or matches nothing (under a null
 * group). {@code inner} declares referential integrity: every row's key is non-null and matches
 * a row of the model it joins, so an INNER JOIN, which warehouses run faster, gives the same
 * result. The declaration is a promise about the data: a row that breaks it is left out.
 */
public enum EntityJoinType {
    LEFT,
    INNER;

    @JsonValue
    public String value() {
        return NamedValue.of(this);
    }

    @JsonCreator
    public static EntityJoinType fromValue(String value) {
        return NamedValue.parse(EntityJoinType.class, "join_type", value);
    }
}
