package io.zhongtai.metrics.model;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What people call a metric or dimension: an English and a Chinese label and synonyms in both
 * languages. The labels and synonyms are what a question in either language may use.
 *
 * @param en English label, never blank (defaults to the name when a definition gives none)
 * @param zh Chinese label, or null
 */
public record Labels(String en, String zh, List<String> synonymsEn, List<String> synonymsZh) {
    public Labels {
        requireNonNull(en, "en is null");
        synonymsEn = List.copyOf(synonymsEn == null ? List.of() : synonymsEn);
        synonymsZh = List.copyOf(synonymsZh == null ? List.of() : synonymsZh);
    }

    public static Labels of(String en) {
        return new Labels(en, null, List.of(), List.of());
    }

    /** Every name in both languages, labels first, without duplicates. */
    public List<String> allNames() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        names.add(en);
        if (zh != null) {
            names.add(zh);
        }
        names.addAll(synonymsEn);
        names.addAll(synonymsZh);
        return new ArrayList<>(names);
    }
}
