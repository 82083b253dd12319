package com.yihuiliao.api.finance;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.refund.RefundFailure;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One refund of 退款记录: what it gave back (the payment's purpose and reference, a bill line's item), why (the
 * reason's code, the note a person typed, and {@code reason} worded for the reader), the channel, its status, what
 * the channel said (WeChat Pay's refund id and the account it reached, or the balance after), who made it.
 *
 * @param itemName a bill line's item; null for other refunds
 */
public record RefundReportRow(String outRefundNo, String outTradeNo, PaymentPurpose purpose, String referenceId,
                              String itemName, String patientId, String patientName, String idNumberMasked,
                              long amountFen, PaymentChannel channel, RefundReason reasonCode, String reasonNote,
                              String reason, String operator, RefundStatus status, RefundFailure failureCode,
                              String weChatRefundId, String receivedBy, Long balanceAfterFen,
                              OffsetDateTime requestedAt, OffsetDateTime finishedAt, LocalDate businessDate) {

    public RefundReportRow withReason(String worded) {
        return new RefundReportRow(outRefundNo, outTradeNo, purpose, referenceId, itemName, patientId, patientName,
                idNumberMasked, amountFen, channel, reasonCode, reasonNote, worded, operator, status, failureCode,
                weChatRefundId, receivedBy, balanceAfterFen, requestedAt, finishedAt, businessDate);
    }
}
