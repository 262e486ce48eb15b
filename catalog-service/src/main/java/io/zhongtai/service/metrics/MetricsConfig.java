package io.zhongtai.service.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * The metric executor's limits and the result cache.
 *
 * @param statementTimeout how long one warehouse query may run
 * @param poolSize connections (and queries at once) per warehouse
 * @param cacheEntries results kept; 0 turns the cache off
 * @param cacheTimeToLive the longest a kept result is served, crawls aside
 * @param changeLogPoll how often the catalog's change log is read to drop results of changed tables
 */
@ConfigurationProperties("zhongtai.metrics")
public record MetricsConfig(
        @Bindable(defaultValue = "60s") Duration statementTimeout,
        @Bindable(defaultValue = "4") int poolSize,
        @Bindable(defaultValue = "500") int cacheEntries,
        @Bindable(defaultValue = "30m") Duration cacheTimeToLive,
        @Bindable(defaultValue = "5s") Duration changeLogPoll) {}
