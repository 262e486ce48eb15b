package io.zhongtai.service.crawl;

import io.zhongtai.core.Actor;
import io.zhongtai.core.CatalogException;
import io.zhongtai.core.ErrorCode;
import io.zhongtai.core.security.SecretCipher;
import io.zhongtai.core.warehouse.CrawlSettings;
import io.zhongtai.core.warehouse.Dialect;
import io.zhongtai.core.warehouse.Warehouse;
import io.zhongtai.core.warehouse.WarehouseStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/** Registers warehouses: validates them, seals their passwords, and keeps the registry. */
@Singleton
public class WarehouseRegistry {
    private final WarehouseStore store;
    private final SecretCipher cipher;
    private final Clock clock;

    public WarehouseRegistry(WarehouseStore store, SecretCipher cipher, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.clock = clock;
    }

    /**
     * What a caller asks for: the password in clear, the dialect optional (read from the URL),
     * crawl settings optional (null takes the default).
     */
    public record Registration(
            String name,
            String jdbcUrl,
            String username,
            String password,
            String dialect,
            List<String> includeSchemas,
            List<String> excludeSchemas,
            List<String> includeTables,
            List<String> excludeTables,
            Boolean profileColumns,
            Integer profileSampleRows,
            Double maxRemovalShare,
            String schedule) {
        /** A registration with only a name, a URL and schema patterns. */
        public static Registration of(String name, String jdbcUrl, String dialect) {
            return new Registration(name, jdbcUrl, null, null, dialect, null, null, null, null, null, null, null, null);
        }

        CrawlSettings settings() {
            CrawlSettings defaults = CrawlSettings.DEFAULT;
            return new CrawlSettings(
                    includeSchemas == null ? defaults.includeSchemas() : includeSchemas,
                    excludeSchemas == null ? defaults.excludeSchemas() : excludeSchemas,
                    includeTables == null ? defaults.includeTables() : includeTables,
                    excludeTables == null ? defaults.excludeTables() : excludeTables,
                    profileColumns == null ? defaults.profileColumns() : profileColumns,
                    profileSampleRows == null ? defaults.profileSampleRows() : profileSampleRows,
                    maxRemovalShare == null ? defaults.maxRemovalShare() : maxRemovalShare);
        }
    }

    public Warehouse register(Registration registration, Actor actor) {
        return store.create(toWarehouse(registration, null), actor);
    }

    /**
     * Replaces the settings of a registered warehouse. A registration without a password keeps
     * the stored one, since the API never shows it back.
     */
    public Warehouse update(String name, Registration registration, Actor actor) {
        if (registration.name() != null && !registration.name().equals(name)) {
            throw CatalogException.invalid("name", "differs from the name in the path ('" + name + "'); renaming is not supported");
        }
        Warehouse existing = find(name);
        return store.update(toWarehouse(registration, existing), actor);
    }

    public Warehouse find(String name) {
        return store.find(name)
                .orElseThrow(() -> new CatalogException(ErrorCode.WAREHOUSE_NOT_FOUND, "No warehouse named '" + name + "' is registered"));
    }

    public List<Warehouse> list() {
        return store.list();
    }

    public void delete(String name, Actor actor) {
        store.delete(name, actor);
    }

    private Warehouse toWarehouse(Registration registration, Warehouse existing) {
        String name = existing != null ? existing.name() : registration.name();
        if (registration.jdbcUrl() == null || registration.jdbcUrl().isBlank()) {
            throw CatalogException.invalid("jdbcUrl", "is required, such as jdbc:postgresql://host:5432/shop");
        }
        Dialect dialect = registration.dialect() == null || registration.dialect().isBlank()
                ? Dialect.fromJdbcUrl(registration.jdbcUrl())
                : Dialect.fromValue(registration.dialect());
        if (registration.schedule() != null && !registration.schedule().isBlank()) {
            CronSchedule.parse(registration.schedule());
        }
        String sealed = registration.password() != null
                ? cipher.seal(registration.password())
                : existing != null ? existing.encryptedPassword() : null;
        return new Warehouse(
                name,
                registration.jdbcUrl(),
                registration.username(),
                sealed,
                dialect,
                registration.settings(),
                registration.schedule(),
                existing != null ? existing.createdAt() : clock.instant(),
                clock.instant());
    }
}
