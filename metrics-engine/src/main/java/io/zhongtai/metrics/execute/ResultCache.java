package io.zhongtai.metrics.execute;

import io.zhongtai.metrics.query.QueryResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Results keyed by warehouse and compiled SQL (literals written in, so two callers whose
 * policies differ never share an entry), least recently used dropped first, each entry dropped
 * when a crawl reports that one of the tables it read changed.
 */
final class ResultCache {
    private record Key(String warehouse, String sql) {}

    private record Entry(QueryResult result, Set<String> tables, Instant storedAt) {}

    private final int capacity;
    private final Duration timeToLive;
    private final Clock clock;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long hits;
    private long misses;

    ResultCache(int capacity, Duration timeToLive, Clock clock) {
        this.capacity = capacity;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    synchronized QueryResult get(String warehouse, String sql) {
        Key key = new Key(warehouse, sql);
        Entry entry = entries.get(key);
        if (entry != null && !timeToLive.isZero()
                && entry.storedAt().plus(timeToLive).isBefore(clock.instant())) {
            entries.remove(key);
            entry = null;
        }
        if (entry == null) {
            misses++;
            return null;
        }
        hits++;
        return entry.result();
    }

    synchronized void put(String warehouse, String sql, Set<String> tables, QueryResult result) {
        if (capacity == 0) {
            return;
        }
        entries.put(new Key(warehouse, sql), new Entry(result, normalize(tables), clock.instant()));
        while (entries.size() > capacity) {
            Iterator<Map.Entry<Key, Entry>> eldest = entries.entrySet().iterator();
            eldest.next();
            eldest.remove();
        }
    }

    /** Drops every entry of {@code warehouse} that read one of {@code tables} ({@code schema.table}); all of it when tables is empty. */
    synchronized int invalidate(String warehouse, Set<String> tables) {
        Set<String> changed = normalize(tables);
        int before = entries.size();
        entries.entrySet().removeIf(e -> e.getKey().warehouse().equals(warehouse)
                && (changed.isEmpty() || e.getValue().tables().stream().anyMatch(changed::contains)));
        return before - entries.size();
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    synchronized int size() {
        return entries.size();
    }

    private static Set<String> normalize(Set<String> tables) {
        return tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }
}
