package io.zhongtai.service.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;

/**
 * Instance-wide settings, from {@code application.yml}, system properties or the environment
 * ({@code ZHONGTAI_HOME}, {@code ZHONGTAI_ADMIN_PASSWORD}, {@code ZHONGTAI_JWT_SECRET},
 * {@code ZHONGTAI_SECRET_KEY}).
 *
 * @param home the data directory; {@code ~/.zhongtai} when not set
 * @param adminPassword the first admin's password; generated and printed once when not set
 * @param jwtSecret signs login tokens; generated and kept in the home when not set
 * @param secretKey base64 of 32 bytes, seals warehouse passwords; generated and kept when not set
 */
@ConfigurationProperties("zhongtai")
public record ZhongtaiConfig(
        @Nullable Path home, @Nullable String adminPassword, @Nullable String jwtSecret, @Nullable String secretKey) {
    public Path resolvedHome() {
        return home != null ? home : Path.of(System.getProperty("user.home"), ".zhongtai");
    }
}
