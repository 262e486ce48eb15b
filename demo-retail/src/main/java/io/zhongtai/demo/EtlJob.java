package io.zhongtai.demo;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One of the demo's ETL jobs: a name that is stable across releases (it becomes the job
 * {@code job:demo.<name>}), what it builds, and the whole script text as shipped in
 * {@code /io/zhongtai/demo/etl/<name>.sql}, so that lineage can be read from the same SQL that runs.
 */
public record EtlJob(String name, String description, String sql) {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public EtlJob {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(sql, "sql is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("job name must be lower snake case: " + name);
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("description of job " + name + " is blank");
        }
        if (sql.isBlank()) {
            throw new IllegalArgumentException("sql of job " + name + " is blank");
        }
    }

    /**
     * The script's statements in order, without their terminating semicolons. The script must end
     * each statement with a semicolon at the end of a line.
     */
    public List<String> statements() {
        return SqlScript.statements(sql);
    }
}
