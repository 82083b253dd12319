package com.yihuiliao.query;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import java.time.LocalDate;

/** A list's {@code from} / {@code to} dates (inclusive): either may be open, but never the wrong way round. */
public final class DateRanges {

    private DateRanges() {
    }

    public static void requireOrdered(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "from is after to.");
        }
    }
}
