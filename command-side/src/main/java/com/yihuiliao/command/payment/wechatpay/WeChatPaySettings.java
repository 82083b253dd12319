package com.yihuiliao.command.payment.wechatpay;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * WeChat Pay v3 settings ({@code yihuiliao.wechatpay.*}). In production every value comes from the
 * environment; nothing secret is committed. When a {@link WeChatPayEndpoint} bean supplies the keys
 * (the embedded default's sandbox), the values below for them are ignored.
 *
 * @param appId                the mini-program's appid (the payer's openid belongs to it)
 * @param merchantId           商户号 (mchid)
 * @param merchantSerialNumber serial number of the merchant API certificate
 * @param merchantPrivateKey   the merchant API private key, PEM text (apiclient_key.pem)
 * @param platformPublicKeyId  the WeChat Pay public key id (PUB_KEY_ID_…)
 * @param platformPublicKey    the WeChat Pay public key, PEM text
 * @param apiV3Key             the 32-character APIv3 key (decrypts notifications)
 * @param apiBase              WeChat Pay's API host (https://api.mch.weixin.qq.com in production);
 *                             blank means the {@link WeChatPayEndpoint}'s, else that one
 * @param notifyUrl            where WeChat Pay posts payment notifications (https in production); a
 *                             path starting with "/" means this process (http://127.0.0.1:port/…), for a sandbox
 * @param refundNotifyUrl      where refund notifications go, likewise; blank means {@code notifyUrl}
 */
@ConfigurationProperties("yihuiliao.wechatpay")
public record WeChatPaySettings(String appId, String merchantId, String merchantSerialNumber,
                                String merchantPrivateKey, String platformPublicKeyId, String platformPublicKey,
                                String apiV3Key, String apiBase, String notifyUrl, String refundNotifyUrl) {
}
