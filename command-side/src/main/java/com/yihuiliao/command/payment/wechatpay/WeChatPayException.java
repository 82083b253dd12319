package com.yihuiliao.command.payment.wechatpay;

/**
 * WeChat Pay refused or failed a call. {@link #code()} is WeChat Pay's error code from the answer's
 * body (ORDER_NOT_EXIST, ORDERPAID, PARAM_ERROR, …), or one of ours: RESPONSE_NOT_VERIFIED (the answer's
 * signature did not verify — treat as not answered), UNAVAILABLE (no usable answer).
 */
public class WeChatPayException extends RuntimeException {

    private final String code;
    private final int httpStatus;

    public WeChatPayException(String code, String message, int httpStatus, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    /** The HTTP status of WeChat Pay's answer, 0 when there was none (or it was not verified). */
    public int httpStatus() {
        return httpStatus;
    }
}
