package com.yihuiliao.api.exam;

import com.yihuiliao.api.refund.RefundResult;

/**
 * An exam booking's cancellation: {@code refund} is null when nothing was paid; a WeChat refund answers
 * REQUESTED (it completes when WeChat Pay answers), a balance refund SUCCEEDED.
 */
public record ExamCancellation(String bookingId, String status, RefundResult refund) {
}
