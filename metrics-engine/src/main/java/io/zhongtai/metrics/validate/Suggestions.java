package io.zhongtai.metrics.validate;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The closest known names to a misspelt one, by edit distance, for error messages. */
public final class Suggestions {
    private Suggestions() {}

    /** Up to three known names closest to {@code wanted}, nearest first; those too far are left out. */
    public static List<String> closest(String wanted, Collection<String> known) {
        String target = wanted.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, target.length() / 2);
        return known.stream()
                .distinct()
                .map(k -> new Object[] {k, distance(target, k.toLowerCase(Locale.ROOT))})
                .filter(p -> (int) p[1] <= limit || ((String) p[0]).toLowerCase(Locale.ROOT).contains(target))
                .sorted(Comparator.comparingInt((Object[] p) -> (int) p[1]).thenComparing(p -> (String) p[0]))
                .limit(3)
                .map(p -> (String) p[0])
                .toList();
    }

    /** {@code "; did you mean a, b?"}, or {@code "; known: ..."} listing the first known names when none is close. */
    public static String didYouMean(String wanted, Collection<String> known) {
        List<String> close = closest(wanted, known);
        if (!close.isEmpty()) {
            return "; did you mean " + String.join(", ", close) + "?";
        }
        if (known.isEmpty()) {
            return "";
        }
        List<String> sorted = known.stream().distinct().sorted().limit(20).toList();
        return "; known: " + String.join(", ", sorted) + (known.size() > 20 ? ", ..." : "");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
