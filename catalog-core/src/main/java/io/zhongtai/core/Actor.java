package io.zhongtai.core;

import static java.util.Objects.requireNonNull;

/**
 * Who makes a change: a user name, or {@code system} for work Zhongtai does by itself (the
 * demo set-up, scheduled crawls). Recorded in change events and the audit log.
 */
public record Actor(String name) {
    public static final Actor SYSTEM = new Actor("system");

    public Actor {
        requireNonNull(name, "name is null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("actor name is blank");
        }
    }
}
