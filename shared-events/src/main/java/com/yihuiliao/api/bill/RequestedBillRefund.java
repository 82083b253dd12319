package com.yihuiliao.api.bill;

/** The answer to {@link RequestBillRefund}; {@code repeated} when the same request id asked before. */
public record RequestedBillRefund(String requestId, String billId, int line, long amountFen, int quantity,
                                  BillRefundRequestStatus status, boolean repeated) {
}
