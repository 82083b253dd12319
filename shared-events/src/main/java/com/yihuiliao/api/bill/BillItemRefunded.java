package com.yihuiliao.api.bill;

/**
 * Part of an item refunded. {@code quantity} is 0 for a refund by amount; the totals are the item's and the
 * bill's after this refund.
 */
public record BillItemRefunded(String billId, int line, long amountFen, int quantity, String outRefundNo,
                               String outTradeNo, String reason, String operator, long itemRefundedFen,
                               int itemRefundedQuantity, long billRefundedFen) implements BillEvent {
}
