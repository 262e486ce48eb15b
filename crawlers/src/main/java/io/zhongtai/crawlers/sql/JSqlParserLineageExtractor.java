package io.zhongtai.crawlers.sql;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.TextPosition;
import io.zhongtai.core.lineage.SchemaCatalog;
import io.zhongtai.core.lineage.SqlLineage;
import io.zhongtai.core.lineage.SqlLineageExtractor;
import io.zhongtai.core.lineage.SqlLineageRequest;
import io.zhongtai.core.lineage.StatementLineage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.sf.jsqlparser.statement.Statement;

/**
 * The SQL lineage extractor on JSqlParser 5.4. A script is cut into statements by {@link
 * SqlScript} (dialect-aware, so {@code ;} in strings and comments does not cut), each statement
 * is parsed by {@link SqlStatementParser} and walked by {@link StatementAnalyzer}, whose reads go
 * through the one {@link QueryResolver}. Tables created by earlier statements of the script are
 * known to later ones, and {@code USE} changes the defaults for the statements after it ({@link
 * UseCommand}).
 *
 * <p>Stateless and thread-safe.
 */
public final class JSqlParserLineageExtractor implements SqlLineageExtractor {
    /** A statement that takes longer than this to parse is refused rather than holding a thread. */
    public static final Duration DEFAULT_PARSE_TIMEOUT = Duration.ofSeconds(10);

    private final SqlStatementParser parser;

    public JSqlParserLineageExtractor() {
        this(DEFAULT_PARSE_TIMEOUT);
    }

    public JSqlParserLineageExtractor(Duration parseTimeout) {
        requireNonNull(parseTimeout, "parseTimeout is null");
        if (parseTimeout.isNegative() || parseTimeout.isZero()) {
            throw new IllegalArgumentException("parseTimeout must be positive, was " + parseTimeout);
        }
        this.parser = new SqlStatementParser(parseTimeout);
    }

    @Override
    public SqlLineage extract(SqlLineageRequest request, SchemaCatalog catalog) {
        requireNonNull(request, "request is null");
        requireNonNull(catalog, "catalog is null");
        SqlDialectSettings settings = SqlDialectSettings.of(request.dialect());
        SqlScript script = SqlScript.of(request.sql(), settings);
        List<SqlScript.Statement> pieces = script.statements();
        if (pieces.isEmpty()) {
            throw new CatalogException(
                    ErrorCode.INVALID_REQUEST, "The SQL holds no statement, only comments or white space",
                    new TextPosition(1, 1), null);
        }
        // parse the whole script first: an error anywhere fails the request before any analysis
        List<List<Statement>> parsed = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            SqlScript.Statement piece = pieces.get(i);
            parsed.add(UseCommand.isUse(script, piece) ? List.of() : parser.parse(script, piece, i + 1, settings));
        }
        SqlNames names = new SqlNames(request.defaultDatabase(), request.defaultSchema());
        TableSchemas schemas = new TableSchemas(catalog);
        List<StatementLineage> statements = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            LineageAccumulator lineage = new LineageAccumulator();
            if (UseCommand.isUse(script, pieces.get(i))) {
                names = UseCommand.apply(script, pieces.get(i), names, request.dialect(), i + 1);
            }
            for (Statement statement : parsed.get(i)) {
                new StatementAnalyzer(new QueryResolver(names, schemas, settings, lineage)).analyze(statement);
            }
            SqlScript.Statement piece = pieces.get(i);
            statements.add(lineage.toStatement(i + 1, script.position(piece.start()), script.text(piece)));
        }
        return SqlLineage.union(statements);
    }
}
