package io.zhongtai.crawlers.sql;

import io.zhongtai.core.TextPosition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A SQL script cut into statements at the semicolons that separate them. The cut follows the
 * dialect's lexical rules (strings, quoted identifiers, dollar quoting, line and block comments),
 * so a {@code ;} inside any of them never ends a statement. It also maps offsets of the script to
 * lines and columns counted from 1.
 */
final class SqlScript {
    /** The kinds of token the splitter needs to tell apart. Comments and white space are skipped. */
    enum Kind {
        WORD,
        QUOTED,
        STRING,
        SYMBOL,
        SEMICOLON
    }

    /** A token: its kind and its span {@code [start, end)} in the script. */
    record Token(Kind kind, int start, int end) {}

    /**
     * One statement: its span {@code [start, end)} from its first to its last token, and its
     * tokens.
     */
    record Statement(int start, int end, List<Token> tokens) {}

    private final String text;
    private final int[] lineStarts;
    private final List<Statement> statements;

    private SqlScript(String text, SqlDialectSettings settings) {
        this.text = text;
        this.lineStarts = lineStarts(text);
        this.statements = split(tokenize(text, settings));
    }

    static SqlScript of(String text, SqlDialectSettings settings) {
        return new SqlScript(text, settings);
    }

    String text() {
        return text;
    }

    List<Statement> statements() {
        return statements;
    }

    String text(Statement statement) {
        return text.substring(statement.start(), statement.end());
    }

    String text(Token token) {
        return text.substring(token.start(), token.end());
    }

    /**
     * The start of a string or quoted name inside the statement that runs to the end of the
     * script without its closing quote, or -1.
     */
    int unterminatedIn(Statement statement) {
        for (Token token : statement.tokens()) {
            if ((token.kind() == Kind.STRING || token.kind() == Kind.QUOTED)
                    && token.end() == text.length()
                    && (token.end() - token.start() < 2 || !closes(token))) {
                return token.start();
            }
        }
        return -1;
    }

    private boolean closes(Token token) {
        char open = text.charAt(token.start());
        char close = text.charAt(token.end() - 1);
        if (open == '$') {
            return text.substring(token.start(), token.end()).indexOf('$', 1) < token.end() - token.start() - 1
                    && close == '$';
        }
        return close == open;
    }

    /** The line and column (from 1) of an offset of the script. */
    TextPosition position(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        int line = index >= 0 ? index : -index - 2;
        return new TextPosition(line + 1, offset - lineStarts[line] + 1);
    }

    /** The offset of a line and column (from 1) of a text, clamped to the text. */
    static int offset(String text, int line, int column) {
        int offset = 0;
        for (int current = 1; current < line; current++) {
            int next = text.indexOf('\n', offset);
            if (next < 0) {
                return text.length();
            }
            offset = next + 1;
        }
        return Math.min(text.length(), offset + Math.max(0, column - 1));
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<Statement> split(List<Token> tokens) {
        List<Statement> result = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : tokens) {
            if (token.kind() == Kind.SEMICOLON) {
                addStatement(result, current);
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        addStatement(result, current);
        return List.copyOf(result);
    }

    private static void addStatement(List<Statement> result, List<Token> tokens) {
        if (!tokens.isEmpty()) {
            result.add(new Statement(
                    tokens.get(0).start(), tokens.get(tokens.size() - 1).end(), List.copyOf(tokens)));
        }
    }

    /**
     * The tokens of a text. An unterminated string, quote or comment runs to the end of the text;
     * the parser reports it.
     */
    static List<Token> tokenize(String text, SqlDialectSettings settings) {
        List<Token> tokens = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            char next = i + 1 < length ? text.charAt(i + 1) : '\0';
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && next == '-' || c == '#' && settings.hashComments()) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? length : end + 1;
            } else if (c == '/' && next == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? length : end + 2;
            } else if (c == '\'') {
                int end = quoted(text, i, '\'', settings.backslashEscapes());
                tokens.add(new Token(Kind.STRING, i, end));
                i = end;
            } else if (c == '"') {
                boolean string = settings.doubleQuotedStrings();
                int end = quoted(text, i, '"', string && settings.backslashEscapes());
                tokens.add(new Token(string ? Kind.STRING : Kind.QUOTED, i, end));
                i = end;
            } else if (c == '`') {
                int end = quoted(text, i, '`', false);
                tokens.add(new Token(Kind.QUOTED, i, end));
                i = end;
            } else if (c == '$' && settings.dollarQuotes() && dollarTagEnd(text, i) > 0) {
                int tagEnd = dollarTagEnd(text, i);
                String tag = text.substring(i, tagEnd);
                int close = text.indexOf(tag, tagEnd);
                int end = close < 0 ? length : close + tag.length();
                tokens.add(new Token(Kind.STRING, i, end));
                i = end;
            } else if (isWordStart(c)) {
                int end = i + 1;
                while (end < length && isWordPart(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(Kind.WORD, i, end));
                i = end;
            } else {
                tokens.add(new Token(c == ';' ? Kind.SEMICOLON : Kind.SYMBOL, i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    /** The end (exclusive) of a quoted run opened at {@code start}; a doubled quote stays inside. */
    private static int quoted(String text, int start, char quote, boolean backslashEscapes) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return text.length();
    }

    /** The end of a dollar-quote tag ({@code $$} or {@code $tag$}) at {@code start}, or -1. */
    private static int dollarTagEnd(String text, int start) {
        int i = start + 1;
        if (i < text.length() && Character.isDigit(text.charAt(i))) {
            return -1; // $1 is a parameter or positional column, not a tag
        }
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '$' ? i + 1 : -1;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
