package com.yihuiliao.command.identity;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;

/** A refusal that tells the client when to try again (the Retry-After header). */
public class TooManyRequests extends BusinessRuleViolation {

    private final long retryAfterSeconds;

    public TooManyRequests(ErrorCode code, String message, long retryAfterSeconds) {
        super(code, message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
