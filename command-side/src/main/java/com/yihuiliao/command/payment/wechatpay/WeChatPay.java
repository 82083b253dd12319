package com.yihuiliao.command.payment.wechatpay;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The WeChat Pay v3 port (JSAPI, i.e. mini-program payments), in our own types: the SDK's models stay
 * inside {@link WeChatPayClient}, the adapter. Amounts are integer fen.
 * API errors surface as {@link WeChatPayException} carrying WeChat Pay's own {@code code}
 * (e.g. ORDER_NOT_EXIST, ORDERPAID); a notification that fails verification or decryption
 * surfaces as {@link WeChatPayNotificationRejected}.
 */
public interface WeChatPay {

    /** The parameters the mini-program passes to {@code wx.requestPayment}. */
    record RequestPayment(String appId, String timeStamp, String nonceStr, String packageValue,
                          String signType, String paySign) {
    }

    /** WeChat Pay's {@code trade_state}. */
    enum TradeState { SUCCESS, REFUND, NOTPAY, CLOSED, REVOKED, USERPAYING, PAYERROR, ACCEPT }

    /**
     * An order as WeChat Pay knows it. {@code amountFen} is -1 when the answer states none (no order's
     * amount matches it); {@code transactionId}, {@code payerOpenid} and {@code successTime} are null
     * until it is paid.
     */
    record Trade(String outTradeNo, String transactionId, TradeState state, long amountFen, String payerOpenid,
                 OffsetDateTime successTime) {
    }

    /** WeChat Pay's refund {@code status}. */
    enum RefundStatus { SUCCESS, CLOSED, PROCESSING, ABNORMAL }

    /**
     * A refund as WeChat Pay answers or notifies it. {@code receivedBy} is WeChat Pay's own words for where
     * the money went (e.g. 支付用户零钱); amounts are -1 when the answer states none.
     */
    record Refund(String outTradeNo, String outRefundNo, String refundId, RefundStatus status, long refundFen,
                  long totalFen, String receivedBy) {
    }

    /**
     * Places a JSAPI order (or returns the same prepay_id again for an identical retry) and signs
     * the wx.requestPayment parameters with the merchant key.
     */
    RequestPayment prepay(String outTradeNo, String description, int amountFen, String payerOpenid,
                          OffsetDateTime timeExpire);

    Trade queryByOutTradeNo(String outTradeNo);

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
    Trade parsePaymentNotification(Map<String, String> headers, byte[] body);

    /**
     * Downloads the day's trade bill (type ALL, gzipped) and checks its SHA1 against the hash WeChat Pay gave with
     * the link: BILL_HASH_MISMATCH when it differs, BILL_MALFORMED when it does not read as a bill. A day WeChat Pay
     * has no trade for (NO_STATEMENT_EXIST) is an empty bill; one not made yet is WeChat Pay's error.
     */
    TradeBill tradeBill(LocalDate date);

    /** As {@link #parsePaymentNotification}, for refund notifications. */
    Refund parseRefundNotification(Map<String, String> headers, byte[] body);
}
