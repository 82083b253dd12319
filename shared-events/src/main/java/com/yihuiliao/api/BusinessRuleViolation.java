package com.yihuiliao.api;

/**
 * A refusal by the domain: the request was understood and is not allowed. Never retried,
 * always answered with the code's status as a problem detail.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final ErrorCode code;
    private final String field;

    public BusinessRuleViolation(ErrorCode code) {
        this(code, code.title());
    }

    public BusinessRuleViolation(ErrorCode code, String message) {
        this(code, null, message);
    }

    /** A refusal of one request field (its JSON name, e.g. {@code idNumber} or {@code newborn.birthDate}). */
    public BusinessRuleViolation(ErrorCode code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The refused request field, or null when the refusal is not about one field. */
    public String field() {
        return field;
    }
}
