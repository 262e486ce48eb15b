package io.zhongtai.service.search;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test hook for proving crash safety: with the system property
 * {@code zhongtai.search.crash-at=<point>:<n>} the JVM halts, as abruptly as {@code kill -9} ends
 * it (no shutdown hooks, nothing flushed), the n-th time the projection reaches the point.
 * Without the property nothing happens. Only tests that start the service as a separate process
 * set it.
 */
final class CrashPoints {
    static final String PROPERTY = "zhongtai.search.crash-at";
    /** The exit status of a halt, so that a test can tell it from any other end. */
    static final int HALT_STATUS = 99;

    /** Places between a change reaching the graph and the index holding it durably. */
    enum Point {
        /** a write transaction that appended change events has just committed; nothing indexed */
        GRAPH_COMMIT,
        /** the projection has read changes from the log; the index is untouched */
        BEFORE_INDEX,
        /** the documents are written to the index but not committed with their position */
        BEFORE_COMMIT,
        /** the index has just committed documents and position */
        AFTER_COMMIT;

        String value() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Point point;
    private final int count;
    private final AtomicInteger reached = new AtomicInteger();

    private CrashPoints(Point point, int count) {
        this.point = point;
        this.count = count;
    }

    static CrashPoints fromSystemProperties() {
        return parse(System.getProperty(PROPERTY));
    }

    static CrashPoints parse(String setting) {
        if (setting == null || setting.isBlank()) {
            return new CrashPoints(null, 0);
        }
        String[] parts = setting.strip().split(":");
        for (Point candidate : Point.values()) {
            if (candidate.value().equals(parts[0])) {
                return new CrashPoints(candidate, parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
            }
        }
        throw new IllegalArgumentException(PROPERTY + ": unknown point '" + parts[0] + "'");
    }

    boolean armed() {
        return point != null;
    }

    void reached(Point where) {
        if (where == point && reached.incrementAndGet() == count) {
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
