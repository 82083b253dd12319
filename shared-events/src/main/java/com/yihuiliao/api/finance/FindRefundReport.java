package com.yihuiliao.api.finance;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundStatus;
import java.time.LocalDate;

/**
 * Refunds by business date (finished, or requested while under way; inclusive), patient fragment, channel, the
 * payment's purpose, status and reason, in the asked order by keyset. With {@code withTotals}: the count,
 * {@code amountSumFen} and {@code succeededSumFen} (what actually went back) of the filter.
 */
public record FindRefundReport(LocalDate from, LocalDate to, String patient, PaymentChannel channel,
                               PaymentPurpose purpose, RefundStatus status, RefundReason reason, RefundReportSort sort,
                               boolean descending, boolean withTotals, String cursor, int size)
        implements Query<ListPage<RefundReportRow>> {
}
