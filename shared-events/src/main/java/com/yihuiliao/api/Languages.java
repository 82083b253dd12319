package com.yihuiliao.api;

import java.util.Locale;

/** The API speaks Chinese by default and English to a caller who prefers it ({@code Accept-Language: en…}). */
public final class Languages {

    private Languages() {
    }

    /** Whether the caller's first choice in this Accept-Language header is English. */
    public static boolean prefersEnglish(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            return Locale.LanguageRange.parse(acceptLanguage).stream().findFirst()
                    .map(range -> range.getRange().startsWith("en")).orElse(false);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
