package com.yihuiliao.command.payment.wechatpay;

/** A notification that is not WeChat Pay's: bad or missing signature, stale timestamp, or a ciphertext that does not decrypt. */
public class WeChatPayNotificationRejected extends RuntimeException {

    public WeChatPayNotificationRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
