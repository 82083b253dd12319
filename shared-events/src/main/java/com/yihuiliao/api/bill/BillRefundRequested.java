package com.yihuiliao.api.bill;

/** A patient asked for a refund of part of a line; {@code amountFen} is what it comes to, {@code quantity} 0 by amount. */
public record BillRefundRequested(String billId, String requestId, String patientId, String accountId, int line,
                                  long amountFen, int quantity, String reason) implements BillEvent {
}
