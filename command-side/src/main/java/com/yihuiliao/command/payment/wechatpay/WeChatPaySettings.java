package com.yihuiliao.command.payment.wechatpay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WeChat Pay v3 settings ({@code yihuiliao.wechatpay.*}). In production every value comes from the
 * environment; nothing secret is committed. With {@code sandbox=true} the keys, serials and the APIv3
 * key are generated at start-up by {@link SandboxKeys} and the values below for them are ignored.
 *
 * @param appId                the mini-program's appid (the payer's openid belongs to it)
 * @param merchantId           商户号 (mchid)
 * @param merchantSerialNumber serial number of the merchant API certificate
 * @param merchantPrivateKey   the merchant API private key, PEM text (apiclient_key.pem)
 * @param platformPublicKeyId  the WeChat Pay public key id (PUB_KEY_ID_…)
 * @param platformPublicKey    the WeChat Pay public key, PEM text
 * @param apiV3Key             the 32-character APIv3 key (decrypts notifications)
 * @param apiBase              WeChat Pay's API host (https://api.mch.weixin.qq.com in production);
 *                             blank means this process's own sandbox at /sandbox/wechatpay
 * @param notifyUrl            where WeChat Pay posts payment notifications (https in production); a
 *                             path starting with "/" means this process (http://127.0.0.1:port/…), for the sandbox
 * @param refundNotifyUrl      where refund notifications go, likewise; blank means {@code notifyUrl}
 * @param sandbox              serve the local WeChat Pay stand-in (the embedded default)
 */
@ConfigurationProperties("yihuiliao.wechatpay")
public record WeChatPaySettings(String appId, String merchantId, String merchantSerialNumber,
                                String merchantPrivateKey, String platformPublicKeyId, String platformPublicKey,
                                String apiV3Key, String apiBase, String notifyUrl, String refundNotifyUrl,
                                @DefaultValue("false") boolean sandbox) {
}
