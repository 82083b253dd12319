package com.yihuiliao.command.payment.wechatpay;

import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.refund.model.Refund;
import com.wechat.pay.java.service.refund.model.RefundNotification;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The WeChat Pay v3 port (JSAPI, i.e. mini-program payments). Amounts are integer fen.
 * API errors surface as {@link WeChatPayException} carrying WeChat Pay's own {@code code}
 * (e.g. ORDER_NOT_EXIST, ORDERPAID); a notification that fails verification or decryption
 * surfaces as {@link WeChatPayNotificationRejected}.
 */
public interface WeChatPay {

    /** The parameters the mini-program passes to {@code wx.requestPayment}. */
    record RequestPayment(String appId, String timeStamp, String nonceStr, String packageValue,
                          String signType, String paySign) {
    }

    /**
     * Places a JSAPI order (or returns the same prepay_id again for an identical retry) and signs
     * the wx.requestPayment parameters with the merchant key.
     */
    RequestPayment prepay(String outTradeNo, String description, int amountFen, String payerOpenid,
                          OffsetDateTime timeExpire);

    Transaction queryByOutTradeNo(String outTradeNo);

    /** Closes an unpaid order; ORDERPAID if it has been paid meanwhile. */
    void closeOrder(String outTradeNo);

    /** Applies for a refund; {@code outRefundNo} is the idempotency key. */
    Refund refund(String outTradeNo, String outRefundNo, long refundFen, long totalFen, String reason);

    Refund queryRefund(String outRefundNo);

    /**
     * Verifies (signature with the WeChat Pay public key) and decrypts (APIv3 key) a payment
     * notification. {@code headers} are looked up case-insensitively; {@code body} must be the raw
     * bytes as received — re-serialised JSON no longer verifies. WeChat Pay re-delivers a notification
     * until it gets a 2xx: the same transaction can arrive more than once.
     */
    Transaction parsePaymentNotification(Map<String, String> headers, byte[] body);

    /** As {@link #parsePaymentNotification}, for refund notifications. */
    RefundNotification parseRefundNotification(Map<String, String> headers, byte[] body);
}
