package io.zhongtai.nl;

/** The language of a question, which is also the language of its explanation. */
public enum Language {
    EN,
    ZH;

    /** Chinese when the text holds any Han character, English otherwise. */
    public static Language of(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isHan(text.charAt(i))) {
                return ZH;
            }
        }
        return EN;
    }

    public static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }
}
