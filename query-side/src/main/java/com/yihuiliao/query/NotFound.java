package com.yihuiliao.query;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;

/** Query answers that may be absent become a 404 with the given code. */
public final class NotFound {
    private NotFound() {
    }

    public static <T> T orThrow(T value, ErrorCode code) {
        if (value == null) {
            throw new BusinessRuleViolation(code);
        }
        return value;
    }
}
