package com.yihuiliao.command.bill;

import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.command.ids.PaymentIds;

/** A bill's numbers, and the numbers that follow from it (its WeChat orders, its refund requests and their refunds). */
public final class BillIds {

    private BillIds() {
    }

    /** A new bill id: "BI" + the Shanghai date + 10 random characters. */
    static String newBillId() {
        return PaymentIds.next("BI");
    }

    /** The bill id of an external (HIS) bill number: the same number, the same bill. */
    public static String billIdOf(String externalNo) {
        return PaymentIds.derived("BIH", externalNo, 24);
    }

    public static boolean isBillId(String id) {
        return id != null && id.startsWith("BI") && PaymentIds.isValid(id);
    }

    /** The bill's n-th WeChat order number: "BLW" + 27 characters derived from it, so a retry finds the same one. */
    public static String weChatOrderNo(String billId, int n) {
        return PaymentIds.derived(PaymentPurpose.BILL.prefix() + "W", n == 1 ? billId : billId + "#" + n, 27);
    }

    /** A new request id, or one derived from the client's, so a retried request asks once. */
    static String requestIdOf(String billId, String clientRequestId) {
        return clientRequestId == null ? PaymentIds.next("RQ") : PaymentIds.derived("RQ", billId + "#" + clientRequestId, 20);
    }

    /** The refund an approved request makes: "RR" + 24 characters derived from the bill and the request. */
    public static String refundNoOf(String billId, String requestId) {
        return PaymentIds.derived("RR", billId + "#" + requestId, 24);
    }
}
