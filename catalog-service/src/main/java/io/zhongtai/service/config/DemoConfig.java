package io.zhongtai.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The demo warehouse (demo-retail.md).
 *
 * @param enabled create and crawl the demo on a start with no warehouse registered
 * @param seed and {@code scale}: the same pair gives the same data
 */
@ConfigurationProperties("zhongtai.demo")
public record DemoConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "42") long seed,
        @Bindable(defaultValue = "1.0") double scale) {}
