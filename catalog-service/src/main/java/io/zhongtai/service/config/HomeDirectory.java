package io.zhongtai.service.config;

import io.zhongtai.core.security.SecretCipher;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The data directory and the secrets kept in it. A secret not given by configuration is
 * generated on first start and written to {@code secrets/} with owner-only permissions, so
 * tokens and sealed passwords survive restarts.
 */
@Singleton
public final class HomeDirectory {
    private final Path home;
    private final ZhongtaiConfig config;

    public HomeDirectory(ZhongtaiConfig config) {
        this.config = config;
        this.home = config.resolvedHome().toAbsolutePath();
        createPrivateDirectory(home);
        createPrivateDirectory(home.resolve("secrets"));
    }

    public Path path() {
        return home;
    }

    public Path graphDirectory() {
        return home.resolve("graph");
    }

    public Path warehouseDirectory() {
        Path directory = home.resolve("warehouses");
        createPrivateDirectory(directory);
        return directory;
    }

    public String jwtSecret() {
        return secret(config.jwtSecret(), "jwt-secret", () -> randomBase64(48));
    }

    public String secretKey() {
        return secret(config.secretKey(), "secret-key", SecretCipher::generateKey);
    }

    /** The password of the embedded Neo4j's user; never leaves this machine. */
    public String embeddedNeo4jPassword() {
        return secret(null, "neo4j-password", () -> randomBase64(24));
    }

    private synchronized String secret(String configured, String file, Supplier<String> generator) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path path = home.resolve("secrets").resolve(file);
        try {
            if (Files.exists(path)) {
                return Files.readString(path, StandardCharsets.UTF_8).trim();
            }
            String value = generator.get();
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(path, value, StandardCharsets.UTF_8);
            return value;
        } catch (FileAlreadyExistsException e) {
            return secret(configured, file, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the secret " + path, e);
        }
    }

    private static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void createPrivateDirectory(Path directory) {
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectories(directory);
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory " + directory, e);
        }
    }
}
