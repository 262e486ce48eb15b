package io.zhongtai.crawlers.sql;

import io.zhongtai.crawlers.sql.SqlScript.Kind;
import io.zhongtai.crawlers.sql.SqlScript.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Dialect syntax that JSqlParser 5.4 does not read, brought into a form it reads without changing
 * what the statement reads or writes. Only tokens are looked at, never guessed meaning:
 *
 * <ul>
 *   <li>Hive and Spark: {@code DISTRIBUTE BY}, {@code SORT BY} and {@code CLUSTER BY} only place
 *       rows on reducers and sort within them, and {@code STORED AS format} only chooses a file
 *       format: they are blanked out (same length, so positions hold).
 *   <li>Spark's {@code INSERT OVERWRITE t} gets the {@code TABLE} keyword Hive requires.
 *   <li>Hive's multi-insert {@code FROM src INSERT ... SELECT a INSERT ... SELECT b} becomes one
 *       {@code INSERT ... SELECT a FROM src} per branch, analysed as one statement.
 *   <li>BigQuery's {@code MERGE t USING ...} gets the {@code INTO} JSqlParser requires.
 *   <li>Snowflake's {@code INSERT OVERWRITE INTO t} is read as Hive's {@code INSERT OVERWRITE TABLE t}.
 * </ul>
 *
 * Parse errors in the rewritten text are mapped back to the user's text through {@link SourceText}.
 */
final class DialectSyntax {
    private static final Set<String> PHYSICAL_CLAUSES = Set.of("distribute", "sort", "cluster");
    private static final Set<String> CLAUSE_ENDS = Set.of(
            "distribute", "sort", "cluster", "limit", "union", "intersect", "except", "minus", "insert", "order",
            "window", "select", "from", "where", "group", "having");
    private static final Set<String> SELECT_LIST_ENDS = Set.of(
            "from", "where", "group", "having", "order", "limit", "window", "qualify", "union", "intersect",
            "except", "minus", "lateral");

    private DialectSyntax() {}

    /** The texts to parse for one statement of the script: one, or one per multi-insert branch. */
    static List<SourceText> rewrite(SqlScript script, SqlScript.Statement statement, SqlDialectSettings settings) {
        String text = script.text();
        List<Token> tokens = statement.tokens();
        List<int[]> blanks = new ArrayList<>();
        List<Integer> tableInsertions = new ArrayList<>();
        List<Integer> intoInsertions = new ArrayList<>();
        switch (settings.dialect()) {
            case HIVE, SPARK -> hiveClauses(text, tokens, blanks, tableInsertions);
            case BIGQUERY -> {
                if (isWord(text, tokens, 0, Set.of("merge")) && !isWord(text, tokens, 1, Set.of("into"))
                        && tokens.size() > 1) {
                    intoInsertions.add(tokens.get(1).start());
                }
            }
            case SNOWFLAKE -> {
                if (isWord(text, tokens, 0, Set.of("insert")) && isWord(text, tokens, 1, Set.of("overwrite"))
                        && isWord(text, tokens, 2, Set.of("into")) && tokens.size() > 3) {
                    blanks.add(new int[] {tokens.get(2).start(), tokens.get(2).end()});
                    tableInsertions.add(tokens.get(3).start());
                }
            }
            default -> {
                // nothing to rewrite
            }
        }
        boolean multiInsert = settings.dialect() == io.zhongtai.core.warehouse.Dialect.HIVE
                || settings.dialect() == io.zhongtai.core.warehouse.Dialect.SPARK;
        List<Integer> inserts = multiInsert ? multiInsertBranches(text, tokens) : List.of();
        if (blanks.isEmpty() && tableInsertions.isEmpty() && intoInsertions.isEmpty() && inserts.isEmpty()) {
            return List.of(SourceText.span(text, statement.start(), statement.end()));
        }
        if (inserts.isEmpty()) {
            SourceText.Builder builder = new SourceText.Builder(text);
            if (!intoInsertions.isEmpty()) {
                int at = intoInsertions.get(0);
                copy(builder, statement.start(), at, blanks, tableInsertions);
                builder.insert("INTO ", at);
                copy(builder, at, statement.end(), blanks, tableInsertions);
            } else {
                copy(builder, statement.start(), statement.end(), blanks, tableInsertions);
            }
            return List.of(builder.build());
        }
        return multiInsert(text, tokens, inserts, blanks, tableInsertions);
    }

    private static void hiveClauses(String text, List<Token> tokens, List<int[]> blanks, List<Integer> tableInsertions) {
        for (int i = 0; i < tokens.size(); i++) {
            if (isWord(text, tokens, i, Set.of("stored")) && isWord(text, tokens, i + 1, Set.of("as"))
                    && i + 2 < tokens.size()) {
                blanks.add(new int[] {tokens.get(i).start(), tokens.get(i + 2).end()});
                i += 2;
            } else if (isWord(text, tokens, i, PHYSICAL_CLAUSES) && isWord(text, tokens, i + 1, Set.of("by"))) {
                int end = clauseEnd(text, tokens, i + 2);
                blanks.add(new int[] {tokens.get(i).start(), tokens.get(end - 1).end()});
                i = end - 1;
            } else if (isWord(text, tokens, i, Set.of("insert"))
                    && isWord(text, tokens, i + 1, Set.of("overwrite"))
                    && i + 2 < tokens.size()
                    && !isWord(text, tokens, i + 2, Set.of("table", "directory", "local"))) {
                tableInsertions.add(tokens.get(i + 2).start());
            }
        }
    }

    private static List<SourceText> multiInsert(
            String text, List<Token> tokens, List<Integer> inserts, List<int[]> blanks, List<Integer> tableInsertions) {
        int fromStart = tokens.get(1).start();
        int fromEnd = tokens.get(inserts.get(0) - 1).end();
        String from = " FROM " + text.substring(fromStart, fromEnd) + " ";
        List<SourceText> branches = new ArrayList<>();
        for (int b = 0; b < inserts.size(); b++) {
            int first = inserts.get(b);
            int last = b + 1 < inserts.size() ? inserts.get(b + 1) : tokens.size();
            int branchStart = tokens.get(first).start();
            int branchEnd = tokens.get(last - 1).end();
            int insertAt = selectListEnd(text, tokens, first, last, blanks);
            SourceText.Builder builder = new SourceText.Builder(text);
            copy(builder, branchStart, insertAt, blanks, tableInsertions);
            builder.insert(from, fromStart);
            copy(builder, insertAt, branchEnd, blanks, tableInsertions);
            branches.add(builder.build());
        }
        return branches;
    }

    private static void copy(
            SourceText.Builder builder, int start, int end, List<int[]> blanks, List<Integer> tableInsertions) {
        int position = start;
        while (position < end) {
            int next = end;
            int[] blank = null;
            for (int[] candidate : blanks) {
                if (candidate[0] >= position && candidate[0] < next) {
                    next = candidate[0];
                    blank = candidate;
                }
            }
            Integer insertion = null;
            for (Integer candidate : tableInsertions) {
                if (candidate >= position && candidate < next) {
                    next = candidate;
                    insertion = candidate;
                    blank = null;
                }
            }
            builder.copy(position, next);
            if (insertion != null) {
                builder.insert("TABLE ", insertion);
                builder.copy(insertion, Math.min(end, insertion + 1));
                position = Math.min(end, insertion + 1);
            } else if (blank != null) {
                int blankEnd = Math.min(end, blank[1]);
                builder.blank(blank[0], blankEnd);
                position = blankEnd;
            } else {
                position = next;
            }
        }
    }

    /** The index after the last token of a DISTRIBUTE/SORT/CLUSTER BY list starting at {@code from}. */
    private static int clauseEnd(String text, List<Token> tokens, int from) {
        int depth = 0;
        int i = from;
        for (; i < tokens.size(); i++) {
            String image = image(text, tokens.get(i));
            if (image.equals("(")) {
                depth++;
            } else if (image.equals(")")) {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (depth == 0 && tokens.get(i).kind() == Kind.WORD
                    && CLAUSE_ENDS.contains(image.toLowerCase(Locale.ROOT))) {
                break;
            }
        }
        return Math.max(i, from);
    }

    /** The token indexes of a multi-insert's INSERT keywords, or empty when it is not one. */
    private static List<Integer> multiInsertBranches(String text, List<Token> tokens) {
        if (!isWord(text, tokens, 0, Set.of("from"))) {
            return List.of();
        }
        List<Integer> inserts = new ArrayList<>();
        int depth = 0;
        for (int i = 1; i < tokens.size(); i++) {
            String image = image(text, tokens.get(i));
            if (image.equals("(")) {
                depth++;
            } else if (image.equals(")")) {
                depth--;
            } else if (depth == 0 && isWord(text, tokens, i, Set.of("insert"))) {
                inserts.add(i);
            }
        }
        return inserts.isEmpty() || inserts.get(0) < 2 ? List.of() : inserts;
    }

    /** Where a branch's select list ends: before its first clause at depth 0, or at its end. */
    private static int selectListEnd(String text, List<Token> tokens, int first, int last, List<int[]> blanks) {
        int depth = 0;
        boolean inSelect = false;
        for (int i = first; i < last; i++) {
            Token token = tokens.get(i);
            String image = image(text, token);
            if (image.equals("(")) {
                depth++;
            } else if (image.equals(")")) {
                depth--;
            } else if (depth == 0 && token.kind() == Kind.WORD) {
                String word = image.toLowerCase(Locale.ROOT);
                if (!inSelect && word.equals("select")) {
                    inSelect = true;
                } else if (inSelect && (SELECT_LIST_ENDS.contains(word) || blanked(token, blanks))) {
                    return token.start();
                }
            }
        }
        return tokens.get(last - 1).end();
    }

    private static boolean blanked(Token token, List<int[]> blanks) {
        for (int[] blank : blanks) {
            if (token.start() >= blank[0] && token.start() < blank[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWord(String text, List<Token> tokens, int index, Set<String> words) {
        return index < tokens.size()
                && tokens.get(index).kind() == Kind.WORD
                && words.contains(image(text, tokens.get(index)).toLowerCase(Locale.ROOT));
    }

    private static String image(String text, Token token) {
        return text.substring(token.start(), token.end());
    }
}
