package io.zhongtai.metrics.execute;

import java.time.Duration;

/**
 * Limits of the metric executor.
 *
 * @param statementTimeout how long one warehouse query may run before it is cancelled
 * @param poolSize connections kept and queries run at once, per warehouse
 * @param cacheEntries results kept (least recently used go first); 0 turns the cache off
 * @param cacheTimeToLive how long a kept result may be served, crawls aside
 */
public record ExecutorSettings(Duration statementTimeout, int poolSize, int cacheEntries, Duration cacheTimeToLive) {
    public ExecutorSettings {
        if (statementTimeout == null || statementTimeout.isNegative() || statementTimeout.isZero()) {
            throw new IllegalArgumentException("statementTimeout must be positive");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be 1 or more");
        }
        if (cacheEntries < 0) {
            throw new IllegalArgumentException("cacheEntries must be 0 or more");
        }
        if (cacheTimeToLive == null || cacheTimeToLive.isNegative()) {
            throw new IllegalArgumentException("cacheTimeToLive must be 0 or more");
        }
    }

    public static ExecutorSettings defaults() {
        return new ExecutorSettings(Duration.ofSeconds(60), 4, 500, Duration.ofMinutes(30));
    }
}
