package com.yihuiliao.api;

/**
 * A refusal by the domain: the request was understood and is not allowed. Never retried,
 * always answered with the code's status as a problem detail.
 *
 * <p>A refusal given as a {@link ProblemMessage} is answered in the caller's language with its parameters;
 * one given as an English sentence is answered with it in English and with the code's title in Chinese.
 */
public class BusinessRuleViolation extends RuntimeException {

    private final ErrorCode code;
    private final String field;
    private final ProblemMessage problemMessage;

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
        this.problemMessage = null;
    }

    /** A refusal worded in each language from its template, with its specifics as parameters. */
    public BusinessRuleViolation(ErrorCode code, ProblemMessage message) {
        this(code, null, message);
    }

    /** A refusal of one request field, worded in each language from its template. */
    public BusinessRuleViolation(ErrorCode code, String field, ProblemMessage message) {
        super(message.english());
        this.code = code;
        this.field = field;
        this.problemMessage = message;
    }

    public ErrorCode code() {
        return code;
    }

    /** The refused request field, or null when the refusal is not about one field. */
    public String field() {
        return field;
    }

    /** The refusal before it is worded, or null when it was given as an English sentence. */
    public ProblemMessage problemMessage() {
        return problemMessage;
    }
}
