package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

import io.zhongtai.core.CatalogException;
import java.util.Locale;

/** A length of calendar time: {@code 7 days}, {@code 1 year}. */
public record Window(int count, TimeGrain grain) {
    public Window {
        requireNonNull(grain, "grain is null");
        if (count < 1) {
            throw CatalogException.invalid("window", "must be 1 or more " + grain.value() + "s, was " + count);
        }
    }

    /** Reads {@code "7 days"}, {@code "1 year"}, {@code "28 day"}. */
    public static Window parse(String field, String text) {
        String[] parts = text == null ? new String[0] : text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (parts.length != 2) {
            throw CatalogException.invalid(field, "a window is a count and a grain such as '7 days', was '" + text + "'");
        }
        int count;
        try {
            count = Integer.parseInt(parts[0]);
        } catch (NumberFormatException e) {
            throw CatalogException.invalid(field, "a window starts with a whole number, was '" + text + "'");
        }
        String grain = parts[1].endsWith("s") ? parts[1].substring(0, parts[1].length() - 1) : parts[1];
        return new Window(count, TimeGrain.fromValue(grain));
    }

    @Override
    public String toString() {
        return count + " " + grain.value() + (count == 1 ? "" : "s");
    }
}
