package com.yihuiliao.command.ids;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.PaymentId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.axonframework.eventhandling.GenericEventMessage;

/**
 * Our order and refund numbers (WeChat's out_trade_no / out_refund_no): 6–32 characters of
 * [A-Za-z0-9_-], readable at a glance: a two-letter kind, the Shanghai business date yyMMdd and
 * a random part, e.g. {@code RG261124K3M9Q2XW7A}. A package of its own, below every feature that numbers
 * something (payment, refund, bill, top-up, walk-in), so none of them depends on another for it.
 */
public final class PaymentIds {

    private static final Pattern VALID = Pattern.compile(PaymentId.PATTERN);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private PaymentIds() {
    }

    /** A new number: prefix + yyMMdd (Asia/Shanghai) + 10 random characters. */
    public static String next(String prefix) {
        StringBuilder id = new StringBuilder(prefix)
                .append(LocalDate.ofInstant(GenericEventMessage.clock.instant(), Clocks.HOSPITAL_ZONE).format(DATE));
        for (int i = 0; i < 10; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** A number derived from a seed (the same seed, the same number): prefix + length characters of its SHA-256. */
    public static String derived(String prefix, String seed, int length) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder(prefix);
            for (int i = 0; i < length; i++) {
                id.append(ALPHABET[(hash[i] & 0xff) % ALPHABET.length]);
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A refund number that follows from its order: prefix + the order number (its last 30 characters, so ≤ 32). */
    public static String refundNoOf(String prefix, String outTradeNo) {
        return prefix + (outTradeNo.length() > 30 ? outTradeNo.substring(outTradeNo.length() - 30) : outTradeNo);
    }

    /** The refund of a payment that arrived when what it paid for no longer wanted it: "RL" + the order. */
    public static String lateRefundNo(String outTradeNo) {
        return refundNoOf("RL", outTradeNo);
    }

    public static boolean isValid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    public static void requireValid(String id) {
        if (!isValid(id)) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_PAYMENT_ID);
        }
    }
}
