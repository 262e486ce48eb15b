package io.zhongtai.crawlers.openlineage;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.asset.AssetId;
import io.zhongtai.core.asset.AssetType;

/**
 * The identifier rules API.md fixes for what arrives by OpenLineage: a namespace that matches no
 * registered warehouse becomes an external warehouse named after it with every character other
 * than ASCII letters, digits, {@code -} and {@code _} replaced by {@code _}
 * ({@code postgres://ext-host:5432} becomes {@code postgres___ext-host_5432}), and a job is
 * {@code job:<normalised job namespace>.<job name>}.
 */
public final class OpenLineageNames {
    private OpenLineageNames() {}

    /** The warehouse name standing for a namespace no registered warehouse matches. */
    public static String externalWarehouse(String namespace) {
        requireNonNull(namespace, "namespace is null");
        StringBuilder name = new StringBuilder(namespace.length());
        for (int i = 0; i < namespace.length(); i++) {
            char c = namespace.charAt(i);
            boolean kept = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            name.append(kept ? c : '_');
        }
        return name.toString();
    }

    /** The catalog identifier of an OpenLineage job. */
    public static AssetId job(String namespace, String name) {
        requireNonNull(name, "name is null");
        return AssetId.of(AssetType.JOB, externalWarehouse(namespace), name);
    }
}
