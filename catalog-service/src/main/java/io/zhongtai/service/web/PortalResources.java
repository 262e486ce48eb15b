package io.zhongtai.service.web;

import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The portal's built files as the {@code web} module puts them on the class path, read once
 * and kept in memory (the whole build is a few megabytes at most).
 */
@Singleton
public class PortalResources {
    /** Where the web module's jar holds the build. */
    public static final String ROOT = "META-INF/zhongtai-web/";

    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*(\\.[A-Za-z0-9_\\-]+)+");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html;charset=utf-8"),
            Map.entry("js", "text/javascript;charset=utf-8"),
            Map.entry("mjs", "text/javascript;charset=utf-8"),
            Map.entry("css", "text/css;charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("map", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain;charset=utf-8"));

    private final Map<String, File> cache = new ConcurrentHashMap<>();

    /** A file of the build: its bytes and media type. */
    public record File(byte[] content, MediaType mediaType) {}

    /**
     * The file at a path relative to the build's root; empty when there is none, and for any
     * path that is not plain segments with an extension (no {@code ..}, no absolute paths).
     */
    public Optional<File> file(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        File cached = cache.get(path);
        if (cached != null) {
            return Optional.of(cached);
        }
        // only files that exist are kept, so that requests for made-up names cannot grow the cache
        Optional<File> loaded = load(path);
        loaded.ifPresent(file -> cache.put(path, file));
        return loaded;
    }

    private static Optional<File> load(String path) {
        try (InputStream in = PortalResources.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return Optional.empty();
            }
            String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            String type = TYPES.getOrDefault(extension, "application/octet-stream");
            return Optional.of(new File(in.readAllBytes(), MediaType.of(type)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
