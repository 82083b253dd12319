package com.yihuiliao.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a refusal says, before it is worded: a message key and its named parameters (amounts, limits, dates:
 * language-neutral, also answered as problem properties a client can use). Each language words it by its
 * template in {@code i18n/problem-details_en.properties} / {@code _zh.properties} ({@link ProblemTexts}).
 */
public record ProblemMessage(String key, Map<String, Object> parameters) {

    public ProblemMessage {
        // in the order given, which is the order they are answered in
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** {@code of("balance.insufficient", "neededFen", 4500, "availableFen", 2000)} */
    public static ProblemMessage of(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("Parameters come as name, value pairs: " + key);
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parameters.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new ProblemMessage(key, parameters);
    }

    /** The English wording; never null (a key without a template shows itself and its parameters). */
    public String english() {
        String worded = ProblemTexts.ENGLISH.word(this);
        return worded != null ? worded : key + " " + parameters;
    }

    /** The Chinese wording, or null if there is no Chinese template for the key. */
    public String chinese() {
        return ProblemTexts.CHINESE.word(this);
    }

    public String in(boolean english) {
        return english ? english() : chinese();
    }
}
