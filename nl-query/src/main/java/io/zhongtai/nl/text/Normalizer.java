package io.zhongtai.nl.text;

import java.text.Normalizer.Form;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds a question into one spelling before anything reads it: full-width letters, digits and
 * punctuation to ASCII (NFKC), lower case, Chinese numerals to digits where a count or a date
 * follows ({@code 近三十天} to {@code 近30天}, {@code 前五} to {@code 前5}), curly quotes straight.
 */
public final class Normalizer {
    private static final Pattern CHINESE_NUMBER = Pattern.compile("[零〇一二两三四五六七八九十百]+");

    private Normalizer() {}

    public static String normalize(String question) {
        String text = java.text.Normalizer.normalize(question, Form.NFKC)
                .replace('’', '\'')
                .replace('‘', '\'')
                .replace('“', '"')
                .replace('”', '"')
                .replace('、', ',')
                .replace('。', '.')
                .toLowerCase(Locale.ROOT);
        return chineseNumeralsToDigits(text).replaceAll("\\s+", " ").trim();
    }

    /**
     * Replaces Chinese numerals that stand before a unit or after a rank word with digits; leaves
     * words such as 一些 or 十分 alone by requiring such a neighbour.
     */
    static String chineseNumeralsToDigits(String text) {
        Matcher matcher = CHINESE_NUMBER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String numeral = matcher.group();
            int after = matcher.end();
            int before = matcher.start();
            String next = after < text.length() ? text.substring(after, Math.min(text.length(), after + 2)) : "";
            String previous = before > 0 ? text.substring(Math.max(0, before - 2), before) : "";
            boolean unitFollows = next.startsWith("天") || next.startsWith("日") || next.startsWith("周")
                    || next.startsWith("个") || next.startsWith("月") || next.startsWith("年") || next.startsWith("季")
                    || next.startsWith("名") || next.startsWith("星期") || next.startsWith("礼拜") || next.startsWith("号");
            boolean rankBefore = previous.endsWith("前") || previous.endsWith("后") || previous.endsWith("倒数")
                    || previous.endsWith("第") || previous.endsWith("近") || previous.endsWith("最近") || previous.endsWith("过去")
                    || previous.endsWith("top");
            Integer value = (unitFollows || rankBefore) ? value(numeral) : null;
            matcher.appendReplacement(out, value == null ? numeral : value.toString());
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The value of a Chinese numeral up to 999, or null when it is not one. */
    static Integer value(String numeral) {
        int total = 0;
        int current = 0;
        boolean any = false;
        for (char c : numeral.toCharArray()) {
            int digit = digit(c);
            if (digit >= 0) {
                current = current * 10 + digit;
                any = true;
            } else if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
                any = true;
            } else if (c == '百') {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
                any = true;
            } else {
                return null;
            }
        }
        return any ? total + current : null;
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
