package com.yihuiliao.command.topup;

import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.command.ids.PaymentIds;

/**
 * Top-up and withdrawal numbers. A top-up {@code TP…} pays through the WeChat order {@code TU…} with the
 * same digits (an aggregate id is unique across the event store, so the two cannot share one), and a
 * withdrawal {@code WD…} refunds through {@code WD…-1}, {@code WD…-2}, … (one refund per top-up).
 * A client's request id gives the same number for the same request, so a retry repeats nothing.
 */
public final class TopUpIds {

    static final String TOPUP = "TP";
    static final String WITHDRAWAL = "WD";

    private TopUpIds() {
    }

    static String newTopUp() {
        return PaymentIds.next(TOPUP);
    }

    static String topUpForRequest(String accountId, String patientId, AccountKind kind, String requestId) {
        return PaymentIds.derived(TOPUP, seed(accountId, patientId, kind, requestId), 27);
    }

    /** The top-up's WeChat order number. */
    public static String orderNo(String topUpId) {
        return PaymentPurpose.TOPUP.prefix() + topUpId.substring(TOPUP.length());
    }

    /** The top-up an order number pays for; null when it is no top-up's. */
    public static String topUpOf(String outTradeNo) {
        return outTradeNo != null && outTradeNo.startsWith(PaymentPurpose.TOPUP.prefix())
                ? TOPUP + outTradeNo.substring(PaymentPurpose.TOPUP.prefix().length()) : null;
    }

    static String newWithdrawal() {
        return PaymentIds.next(WITHDRAWAL);
    }

    static String withdrawalForRequest(String accountId, String patientId, AccountKind kind, String requestId) {
        return PaymentIds.derived(WITHDRAWAL, seed(accountId, patientId, kind, requestId), 20);
    }

    /** The withdrawal another flow makes (an admission's settlement): the same seed, the same withdrawal. */
    public static String withdrawalFor(String seed) {
        return PaymentIds.derived(WITHDRAWAL, seed, 20);
    }

    /** The n-th refund (from 1) of a withdrawal. */
    public static String refundNo(String withdrawalId, int n) {
        return withdrawalId + "-" + n;
    }

    private static String seed(String accountId, String patientId, AccountKind kind, String requestId) {
        return accountId + '/' + patientId + '/' + kind + '/' + requestId;
    }
}
