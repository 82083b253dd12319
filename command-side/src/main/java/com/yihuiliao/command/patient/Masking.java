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

    /** {@code 13812345678} → {@code 138****5678}: the first 3 and the last 4 digits. */
    public static String phone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    private static String keepEnds(String value, int head, int tail) {
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
