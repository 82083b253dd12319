package com.yihuiliao.query.billing;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Query parameters read with messages that say what a valid value looks like. */
public final class Params {
    private Params() {
    }

    public static <E extends Enum<E>> E enumOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw invalid("Parameter '" + name + "' must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")) + ".");
        }
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid("Parameter '" + name + "' must be a date like 2026-11-24 (Asia/Shanghai business date).");
        }
    }

    /** Business dates, both inclusive and both optional. */
    public record DateRange(LocalDate from, LocalDate to) {
    }

    /** {@code from} may not come after {@code to}. */
    public static DateRange dateRange(String from, String to) {
        DateRange range = new DateRange(date("from", from), date("to", to));
        if (range.from() != null && range.to() != null && range.from().isAfter(range.to())) {
            throw invalid("'from' (" + range.from() + ") is after 'to' (" + range.to() + ").");
        }
        return range;
    }

    private static BusinessRuleViolation invalid(String message) {
        return new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, message);
    }
}
