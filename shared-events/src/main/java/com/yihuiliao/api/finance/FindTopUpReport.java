package com.yihuiliao.api.finance;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.payment.PaymentChannel;
import java.time.LocalDate;

/**
 * Credited top-ups of one kind (absent: both), by the Asia/Shanghai date credited (inclusive), channel, patient
 * fragment (as {@link ConsumptionFilter#patient()}) and refund status, in the asked order by keyset. With
 * {@code withTotals}: the count and {@code amountSumFen}, {@code refundedSumFen}, {@code netSumFen} of the filter.
 */
public record FindTopUpReport(AccountKind kind, LocalDate from, LocalDate to, PaymentChannel channel, String patient,
                              ConsumptionStatus status, TopUpReportSort sort, boolean descending, boolean withTotals,
                              String cursor, int size) implements Query<ListPage<TopUpReportRow>> {
}
