package com.yihuiliao.query.finance;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The reports' own parameters: a sort column, its direction, a patient fragment. */
final class ReportParams {

    private ReportParams() {
    }

    /** {@code paidAt} → {@code PAID_AT}; absent: the default. */
    static <E extends Enum<E>> E sort(Class<E> type, String value, E otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        String constant = value.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(constant)).findFirst()
                .orElseThrow(() -> invalid("Parameter 'sort' must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(e -> camel(e.name())).collect(Collectors.joining(", ")) + "."));
    }

    /** A business date, or null when absent. */
    static java.time.LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw invalid("Parameter '" + name + "' must be a date like 2026-11-24 (Asia/Shanghai business date).");
        }
    }

    /** Descending unless {@code asc}. */
    static boolean descending(String direction) {
        if (direction == null || direction.isBlank() || direction.equalsIgnoreCase("desc")) {
            return true;
        }
        if (direction.equalsIgnoreCase("asc")) {
            return false;
        }
        throw invalid("Parameter 'direction' must be asc or desc.");
    }

    /** A fragment of a name or document number, or a patient id: 1 to 64 characters, no control characters. */
    static String fragment(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > 64 || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw invalid("Parameter 'patient' must be 1 to 64 characters of a name, a document number or a patient id.");
        }
        return trimmed;
    }

    private static String camel(String constant) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static BusinessRuleViolation invalid(String message) {
        return new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, message);
    }
}
