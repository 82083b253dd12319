package com.yihuiliao.command.patient;

/**
 * How ID numbers and phones appear in every response and log line. Null-safe: null stays null.
 * A value too short to keep its ends without showing everything is masked entirely.
 */
public final class Masking {

    private Masking() {
    }

    /** {@code 110101199003071234} → {@code 1101**********1234}: the first 4 and the last 4 characters. */
    public static String idNumber(String idNumber) {
        return keepEnds(idNumber, 4, 4);
    }

    /**
     * A document's number by its type's rule: 18-digit GB 11643 numbers as {@link #idNumber}; passports and
     * travel permits keep 2 and 3 ({@code E1****678}); a 2017 permanent residence card its nationality and 4.
     */
    public static String document(DocumentType type, String number) {
        return number == null ? null : type.mask(number);
    }

    /** {@code 13812345678} → {@code 138****5678}: the first 3 and the last 4 digits. */
    public static String phone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        int length = value.length();
        if (length <= head + tail) {
            return "*".repeat(length);
        }
        return value.substring(0, head) + "*".repeat(length - head - tail) + value.substring(length - tail);
    }
}
