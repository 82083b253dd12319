package com.yihuiliao.command.invoice;

/**
 * Amounts of money as written on Chinese receipts, from integer fen only: {@code 30.00} and the
 * capital numerals (大写) {@code 叁拾元整}, e.g. 1001.05 → 壹仟零壹元零伍分, 0.01 → 壹分.
 */
public final class ChineseAmount {

    private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};
    /** 10^16 yuan (10^18 fen): beyond the largest group name above. */
    private static final long LIMIT_FEN = 1_000_000_000_000_000_000L;

    private ChineseAmount() {
    }

    /** {@code 30.00}: yuan with two decimals, no grouping. */
    public static String yuan(long fen) {
        requireValid(fen);
        return (fen / 100) + "." + String.format("%02d", fen % 100);
    }

    /** The amount in capital numerals: 元 for the integer part, then 角 and 分, or 整 when there are none. */
    public static String inCapitals(long fen) {
        requireValid(fen);
        long yuan = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        if (fen == 0) {
            return "零元整";
        }
        StringBuilder text = new StringBuilder();
        if (yuan > 0) {
            text.append(integer(yuan)).append('元');
        }
        if (jiao == 0 && cents == 0) {
            return text.append('整').toString();
        }
        if (jiao > 0) {
            text.append(DIGITS[jiao]).append('角');
        } else if (yuan > 0) {
            text.append('零');
        }
        if (cents > 0) {
            text.append(DIGITS[cents]).append('分');
        }
        return text.toString();
    }

    private static String integer(long value) {
        int[] groups = new int[GROUPS.length];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = (int) (value % 10_000);
            value /= 10_000;
        }
        StringBuilder text = new StringBuilder();
        boolean zeroPending = false;
        for (int g = groups.length - 1; g >= 0; g--) {
            if (groups[g] == 0) {
                zeroPending = text.length() > 0;
                continue;
            }
            if (text.length() > 0 && (zeroPending || groups[g] < 1000)) {
                text.append('零');
            }
            text.append(group(groups[g])).append(GROUPS[g]);
            zeroPending = false;
        }
        return text.toString();
    }

    /** 1..9999 with 仟佰拾; zeros inside become one 零, trailing zeros nothing. */
    private static String group(int value) {
        StringBuilder text = new StringBuilder();
        boolean zero = false;
        for (int place = 3; place >= 0; place--) {
            int digit = value / (int) Math.pow(10, place) % 10;
            if (digit == 0) {
                zero = text.length() > 0;
                continue;
            }
            if (zero) {
                text.append('零');
                zero = false;
            }
            text.append(DIGITS[digit]).append(PLACES[place]);
        }
        return text.toString();
    }

    private static void requireValid(long fen) {
        if (fen < 0 || fen >= LIMIT_FEN) {
            throw new IllegalArgumentException("amount out of range: " + fen + " fen");
        }
    }
}
