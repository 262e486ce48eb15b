package io.zhongtai.crawlers.sql;

import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.TextPosition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.StringProvider;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;

/**
 * Parses one statement of a script with {@link CCJSqlParser} on the caller's thread (the
 * {@code CCJSqlParserUtil.parse} helpers hand every statement to an executor thread, which costs
 * about four times the parse). A shared watchdog thread flags the parser as interrupted when a
 * statement takes longer than the timeout; the parser checks that flag as it consumes tokens.
 * Every failure becomes a {@link CatalogException} with the position in the whole script.
 */
final class SqlStatementParser {
    private static final Pattern LINE_COLUMN = Pattern.compile("line (\\d+), column (\\d+)");
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final Duration timeout;

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "sql-lineage-parse-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        // a statement parses in well under a millisecond: drop its cancelled alarm at once
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    SqlStatementParser(Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * The parsed statements of one statement of the script: one, or one per branch of a Hive
     * multi-insert.
     *
     * @param number the statement's number in the script, from 1, for messages
     */
    List<Statement> parse(SqlScript script, SqlScript.Statement statement, int number, SqlDialectSettings settings) {
        List<SourceText> texts = DialectSyntax.rewrite(script, statement, settings);
        List<Statement> parsed = new ArrayList<>(texts.size());
        for (SourceText text : texts) {
            parsed.add(parseOne(script, statement, text, number, settings));
        }
        return parsed;
    }

    private Statement parseOne(
            SqlScript script, SqlScript.Statement statement, SourceText text, int number, SqlDialectSettings settings) {
        CCJSqlParser parser = new CCJSqlParser(new StringProvider(text.text()));
        settings.configure(parser);
        ScheduledFuture<?> watchdog =
                WATCHDOG.schedule(() -> parser.interrupted = true, timeout.toMillis(), TimeUnit.MILLISECONDS);
        Token head = parser.token;
        try {
            Statement result = parser.Statement();
            Token next = parser.getToken(1);
            if (next.kind == CCJSqlParserConstants.ST_SEMICOLON) {
                next = parser.getToken(2);
            }
            if (next.kind != CCJSqlParserConstants.EOF) {
                throw error(script, text, number, next.beginLine, next.beginColumn,
                        "unexpected " + describe(next) + " after the end of a complete statement", null);
            }
            return result;
        } catch (ParseException exception) {
            if (parser.interrupted) {
                throw timeout(script, statement, number, exception);
            }
            Token offending = furthest(head, exception);
            if (offending != null && offending.kind == CCJSqlParserConstants.EOF) {
                throw endsTooEarly(script, statement, text, number, exception);
            }
            if (offending != null && offending.beginLine > 0) {
                throw error(script, text, number, offending.beginLine, offending.beginColumn,
                        "unexpected " + describe(offending), exception);
            }
            throw errorFromMessage(script, statement, text, number, exception);
        } catch (TokenMgrException exception) {
            int unterminated = script.unterminatedIn(statement);
            if (unterminated >= 0) {
                TextPosition position = script.position(unterminated);
                throw new CatalogException(ErrorCode.INVALID_REQUEST,
                        "Statement " + number + " does not parse at line " + position.line() + ", column "
                                + position.column() + ": a string, quoted name or comment starts here and never ends",
                        position, exception);
            }
            throw errorFromMessage(script, statement, text, number, exception);
        } catch (StackOverflowError error) {
            throw new CatalogException(ErrorCode.INVALID_REQUEST,
                    "Statement " + number + " is nested too deeply to be read", script.position(statement.start()), null);
        } catch (CatalogException exception) {
            throw exception;
        } catch (RuntimeException exception) {
            if (parser.interrupted) {
                throw timeout(script, statement, number, exception);
            }
            throw new CatalogException(ErrorCode.INVALID_REQUEST,
                    "Statement " + number + " cannot be read: " + exception, script.position(statement.start()), exception);
        } finally {
            watchdog.cancel(false);
        }
    }

    /**
     * The furthest token the parser read, in any alternative it tried. JSqlParser reports the
     * start of the clause it could not complete ({@code SELECT} for a bad select list); the
     * furthest token read is where the text stopped making sense, which is where a person looks.
     */
    private static Token furthest(Token head, ParseException exception) {
        Token furthest = null;
        for (Token token = head == null ? null : head.next; token != null; token = token.next) {
            furthest = token;
        }
        if (furthest == null && exception.currentToken != null) {
            furthest = exception.currentToken.next;
        }
        return furthest;
    }

    /**
     * The statement stopped where more was needed: the error is just after its last word, or at
     * the first word the rewrite blanked out after it (a Hive clause the parser never saw).
     */
    private static CatalogException endsTooEarly(
            SqlScript script, SqlScript.Statement statement, SourceText text, int number, Exception cause) {
        String parsed = text.text();
        int last = parsed.length() - 1;
        while (last > 0 && Character.isWhitespace(parsed.charAt(last))) {
            last--;
        }
        int offset = text.scriptOffset(Math.max(0, last)) + 1;
        String source = script.text();
        int next = offset;
        while (next < statement.end() && Character.isWhitespace(source.charAt(next))) {
            next++;
        }
        TextPosition position = script.position(next < statement.end() ? next : offset);
        return new CatalogException(ErrorCode.INVALID_REQUEST,
                "Statement " + number + " does not parse at line " + position.line() + ", column "
                        + position.column() + ": the statement ends where more is needed",
                position, cause);
    }

    private CatalogException timeout(SqlScript script, SqlScript.Statement statement, int number, Exception cause) {
        return new CatalogException(ErrorCode.INVALID_REQUEST,
                "Statement " + number + " took longer than " + timeout.toMillis() + " ms to parse; split or simplify it",
                script.position(statement.start()), cause);
    }

    private static CatalogException errorFromMessage(
            SqlScript script, SqlScript.Statement statement, SourceText text, int number, Exception exception) {
        String message = String.valueOf(exception.getMessage());
        Matcher matcher = LINE_COLUMN.matcher(message);
        String reason = message.lines().findFirst().orElse(message).strip();
        if (matcher.find()) {
            return error(script, text, number,
                    Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), reason, exception);
        }
        return new CatalogException(ErrorCode.INVALID_REQUEST,
                "Statement " + number + " does not parse: " + reason, script.position(statement.start()), exception);
    }

    private static CatalogException error(
            SqlScript script, SourceText text, int number, int line, int column, String reason, Throwable cause) {
        int offset = text.scriptOffset(SqlScript.offset(text.text(), Math.max(1, line), Math.max(1, column)));
        TextPosition position = script.position(Math.min(offset, Math.max(0, script.text().length() - 1)));
        return new CatalogException(ErrorCode.INVALID_REQUEST,
                "Statement " + number + " does not parse at line " + position.line() + ", column " + position.column()
                        + ": " + reason,
                position, cause);
    }

    private static String describe(Token token) {
        return token.kind == CCJSqlParserConstants.EOF ? "end of statement" : "'" + token.image + "'";
    }
}
