package com.yihuiliao.api.billing;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One payment (消费记录 / 充值记录). {@code businessDate} is the Asia/Shanghai date it was paid on (null
 * until paid); {@code refundedFen} is what was refunded of it so far.
 */
public record PaymentRecord(String outTradeNo, PaymentPurpose purpose, String referenceId, String patientId,
                            long amountFen, PaymentChannel channel, PaymentRecordStatus status, String transactionId,
                            long refundedFen, Instant createdAt, Instant paidAt, Instant closedAt, String closeReason,
                            LocalDate businessDate) {
}
