package com.yihuiliao.api.billing;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.refund.RefundFailure;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundStatus;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One refund (退款记录) of a payment. {@code businessDate} is the Asia/Shanghai date it finished on, or
 * the date it was requested on while it is still under way. The read model keeps codes and data
 * ({@code reasonCode} and the person's {@code reasonNote}; {@code failureCode} and its {@code failureDetail};
 * the balance after a credit, or WeChat Pay's refund id and receiving account); {@code reason},
 * {@code failureReason} and {@code channelResult} are those worded in the reader's language
 * ({@link BillingWording}), null until worded.
 */
public record RefundRecord(String outRefundNo, String outTradeNo, String patientId, PaymentPurpose purpose,
                           long amountFen, PaymentChannel channel, String reason, RefundReason reasonCode,
                           String reasonNote, String operator, RefundStatus status, String failureReason,
                           RefundFailure failureCode, String failureDetail, String channelResult,
                           Long balanceAfterFen, String weChatRefundId, String receivedBy, String channelNote,
                           Instant requestedAt, Instant finishedAt, LocalDate businessDate) {

    /** The same refund without the staff member who made it: what a patient reads. */
    public RefundRecord withoutOperator() {
        return new RefundRecord(outRefundNo, outTradeNo, patientId, purpose, amountFen, channel, reason, reasonCode,
                reasonNote, null, status, failureReason, failureCode, failureDetail, channelResult, balanceAfterFen,
                weChatRefundId, receivedBy, channelNote, requestedAt, finishedAt, businessDate);
    }

    /** The same refund with its reason, failure and channel's answer worded. */
    public RefundRecord withWords(String reason, String failureReason, String channelResult) {
        return new RefundRecord(outRefundNo, outTradeNo, patientId, purpose, amountFen, channel, reason, reasonCode,
                reasonNote, operator, status, failureReason, failureCode, failureDetail, channelResult,
                balanceAfterFen, weChatRefundId, receivedBy, channelNote, requestedAt, finishedAt, businessDate);
    }
}
