package com.yihuiliao.api.bill;

import com.yihuiliao.api.payment.PaymentChannel;
import java.time.Instant;

/** A bill (自助缴费): its numbers, patient, status and amounts. */
public record BillSummary(String billId, String externalNo, String patientId, BillStatus status, long totalFen,
                          long refundedFen, String departmentId, String doctorId, String issuedBy,
                          String outTradeNo, PaymentChannel channel, Instant issuedAt, Instant paidAt,
                          Instant voidedAt) {
}
