package io.zhongtai.core.lineage;

/**
 * Reads table- and column-level lineage out of SQL text (API.md, "Lineage"). Nothing is stored.
 *
 * <p>Contract for every adapter:
 *
 * <ul>
 *   <li>Inputs are the base tables a statement reads; common table expressions, subqueries and
 *       table functions are not tables. Outputs are the tables it writes: the target of INSERT,
 *       UPDATE, DELETE, MERGE and of CREATE TABLE, VIEW or MATERIALIZED VIEW. A target is an input
 *       only where the statement also reads it as a separate table reference.
 *   <li>Every written column is a target. Its sources are the base columns that feed its value,
 *       also through CASE conditions and window PARTITION BY and ORDER BY; columns used only in
 *       WHERE, JOIN, GROUP BY or HAVING conditions are not sources. Literals and {@code COUNT(*)}
 *       have none. DELETE writes a table but no column.
 *   <li>Names: unquoted identifiers lower-cased, quoted ones as written without their quotes; a
 *       table named without a schema takes the default schema; with a default database any
 *       two-part name gets it in front. Names are printed dotted, unquoted.
 *   <li>{@code SELECT *} is expanded through the {@link SchemaCatalog} when it knows the table,
 *       and recorded as {@code table.*} (see {@link ColumnLineage#ALL_COLUMNS}) when it does not.
 *   <li>A script's answer is the union over its statements, merged by target, in sorted order;
 *       tables created earlier in the script are known to later statements.
 *   <li>SQL that cannot be read fails with a {@link io.zhongtai.core.CatalogException} of code
 *       {@link io.zhongtai.core.ErrorCode#INVALID_REQUEST} carrying the position (line and column
 *       from 1, within the whole script) and naming the statement; never a partial answer.
 *   <li>Implementations are thread-safe: one instance serves concurrent requests.
 * </ul>
 */
public interface SqlLineageExtractor {
    /** The lineage of the request's SQL, with the columns of known tables from the catalog. */
    SqlLineage extract(SqlLineageRequest request, SchemaCatalog catalog);

    /** The lineage of the request's SQL, knowing no table's columns beyond what the SQL says. */
    default SqlLineage extract(SqlLineageRequest request) {
        return extract(request, SchemaCatalog.empty());
    }
}
