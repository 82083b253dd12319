package com.yihuiliao.command.payment.wechatpay;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * WeChat Pay's address and the keys of both sides, supplied by a bean instead of the settings: the
 * sandboxes module's stand-in in the embedded default. Asked on the client's first use, when the port
 * this process listens on is known. A configured {@code api-base} still wins over {@link #apiBase()}.
 */
public interface WeChatPayEndpoint {

    /** The merchant's key pair side (ours) and WeChat Pay's public key, with their ids, and the APIv3 key. */
    record Keys(String merchantId, String merchantSerialNumber, PrivateKey merchantPrivateKey,
                String platformPublicKeyId, PublicKey platformPublicKey, String apiV3Key) {
    }

    /** e.g. http://127.0.0.1:8080/sandbox/wechatpay */
    String apiBase();

    Keys keys();
}
