package io.zhongtai.core.classification;

import java.util.Locale;

/** The kinds of personal data the classifier recognises; the kind of a {@code pii} tag. */
public enum PiiKind {
    NAME,
    EMAIL,
    PHONE,
    NATIONAL_ID,
    BANK_CARD,
    ADDRESS;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
