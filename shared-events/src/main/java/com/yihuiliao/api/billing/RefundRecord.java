package com.yihuiliao.api.billing;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.refund.RefundStatus;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One refund (退款记录) of a payment. {@code businessDate} is the Asia/Shanghai date it finished on, or
 * the date it was requested on while it is still under way.
 */
public record RefundRecord(String outRefundNo, String outTradeNo, String patientId, PaymentPurpose purpose,
                           long amountFen, PaymentChannel channel, String reason, String operator, RefundStatus status,
                           String failureReason, String channelResult, Instant requestedAt, Instant finishedAt,
                           LocalDate businessDate) {

    /** The same refund without the staff member who made it: what a patient reads. */
    public RefundRecord withoutOperator() {
        return new RefundRecord(outRefundNo, outTradeNo, patientId, purpose, amountFen, channel, reason, null, status,
                failureReason, channelResult, requestedAt, finishedAt, businessDate);
    }
}
