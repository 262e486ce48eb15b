package io.zhongtai.demo;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the demo's own SQL scripts into statements, without a SQL parser. It relies on a
 * convention the scripts keep: a statement ends with a semicolon at the end of a line, and no
 * string literal spans lines. A {@code --} comment line never ends a statement. Comment lines before
 * a statement are left out, and chunks made of comments only are dropped, since DuckDB rejects an
 * empty statement.
 */
final class SqlScript {
    private SqlScript() {}

    static List<String> statements(String script) {
        requireNonNull(script, "script is null");
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R", -1)) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--") && trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                addIfCode(statements, current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        addIfCode(statements, current.toString());
        return List.copyOf(statements);
    }

    /** Adds the chunk from its first line of code on: leading comments describe the script, not the statement. */
    private static void addIfCode(List<String> statements, String chunk) {
        List<String> lines = chunk.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.isEmpty() && !line.startsWith("--")) {
                statements.add(String.join("\n", lines.subList(i, lines.size())).strip());
                return;
            }
        }
    }

    /** A script shipped in this module's resources; missing means a broken build, not a user error. */
    static String resource(String path) {
        try (InputStream in = SqlScript.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the demo-retail jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }
}
