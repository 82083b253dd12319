package com.yihuiliao.api.billing;

import com.yihuiliao.api.payment.CloseReason;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One payment (消费记录 / 充值记录). {@code businessDate} is the Asia/Shanghai date it was paid on (null
 * until paid); {@code refundedFen} is what was refunded of it so far. A closed order keeps why as a code
 * and its detail ({@code closeReasonCode}, {@code closeDetail}); {@code closeReason} is that worded in the
 * reader's language ({@link BillingWording}), null until worded.
 */
public record PaymentRecord(String outTradeNo, PaymentPurpose purpose, String referenceId, String patientId,
                            long amountFen, PaymentChannel channel, PaymentRecordStatus status, String transactionId,
                            long refundedFen, Instant createdAt, Instant paidAt, Instant closedAt, String closeReason,
                            CloseReason closeReasonCode, String closeDetail, LocalDate businessDate) {

    /** The same payment with its close reason worded. */
    public PaymentRecord withCloseReason(String closeReason) {
        return new PaymentRecord(outTradeNo, purpose, referenceId, patientId, amountFen, channel, status, transactionId,
                refundedFen, createdAt, paidAt, closedAt, closeReason, closeReasonCode, closeDetail, businessDate);
    }
}
