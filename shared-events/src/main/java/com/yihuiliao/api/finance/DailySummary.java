package com.yihuiliao.api.finance;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.LocalDate;

/**
 * One business date × department × channel × purpose of the consumption records: how many, their amount
 * (gross), what came back of them (refunds, on the day the money was paid) and the net.
 */
public record DailySummary(LocalDate businessDate, String departmentId, String departmentName, PaymentChannel channel,
                           PaymentPurpose purpose, long count, long grossFen, long refundedFen, long netFen) {
}
