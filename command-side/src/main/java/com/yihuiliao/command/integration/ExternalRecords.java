package com.yihuiliao.command.integration;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.command.ids.PaymentIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * What the things pushed in by the hospital's systems (or entered by staff with the source's number) share: an id
 * that follows from the source and its number, so the same number finds the same aggregate; a fingerprint of the
 * content, which a repeat must match; and an unknown id answered as the thing's own 404.
 */
public final class ExternalRecords {

    private static final int ID_LENGTH = 30;

    private ExternalRecords() {
    }

    /** prefix + 30 characters derived from source and number. */
    public static String idOf(String prefix, String source, String externalNo) {
        return PaymentIds.derived(prefix, source + ":" + externalNo, ID_LENGTH);
    }

    /** SHA-256 in hex of the parts, each as its string form, kept apart so that no two contents meet. */
    public static String fingerprint(Object... parts) {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part).append('\u0000');
        }
        return sha256(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends a command to an existing one: an id of another shape, or one never stored, answers {@code notFound}
     * (loading another aggregate type's id, or an unknown one, must not get that far).
     */
    public static <R> R known(String id, String prefix, ErrorCode notFound, Supplier<R> command) {
        if (id == null || !id.startsWith(prefix) || id.length() != prefix.length() + ID_LENGTH) {
            throw new BusinessRuleViolation(notFound);
        }
        try {
            return command.get();
        } catch (AggregateNotFoundException e) {
            throw new BusinessRuleViolation(notFound);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof AggregateNotFoundException) {
                throw new BusinessRuleViolation(notFound);
            }
            throw e;
        }
    }

    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
