package io.zhongtai.core.lineage;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.TreeSet;

/**
 * One written column and the base columns its value derives from.
 *
 * <p>Names are dotted ({@code schema.table.column}, or with the database in front). A column
 * fed only by literals or {@code COUNT(*)} has no sources. When the SQL copies all columns of a
 * table whose columns are not known ({@code SELECT *} over a table the {@link SchemaCatalog}
 * does not know), the column segment is {@value #ALL_COLUMNS}: {@code mart.copy.*} from
 * {@code raw.orders.*}.
 *
 * @param target the written column
 * @param sources the source columns, distinct and sorted
 */
public record ColumnLineage(String target, List<String> sources) implements Comparable<ColumnLineage> {
    /** The column segment that stands for "every column of the table", when they are not known. */
    public static final String ALL_COLUMNS = "*";

    public ColumnLineage {
        requireNonNull(target, "target is null");
        requireNonNull(sources, "sources is null");
        if (target.isBlank()) {
            throw new IllegalArgumentException("target is blank");
        }
        for (String source : sources) {
            if (requireNonNull(source, "a source is null").isBlank()) {
                throw new IllegalArgumentException("a source of " + target + " is blank");
            }
        }
        sources = List.copyOf(new TreeSet<>(sources));
    }

    @Override
    public int compareTo(ColumnLineage other) {
        return target.compareTo(other.target);
    }
}
