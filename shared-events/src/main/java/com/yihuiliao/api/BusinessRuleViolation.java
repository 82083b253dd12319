package com.yihuiliao.api;

/**
 * A refusal by the domain: the request was understood and is not allowed. Never retried,
 * always answered with the code's status as a problem detail.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final ErrorCode code;

    public BusinessRuleViolation(ErrorCode code) {
        this(code, code.title());
    }

    public BusinessRuleViolation(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
