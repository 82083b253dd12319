package com.yihuiliao.api.finance;

import com.yihuiliao.api.Query;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.LocalDate;
import java.util.List;

/**
 * The daily summaries of a date range (both inclusive), oldest day first, then by department, channel and
 * purpose; the other filters optional.
 */
public record FindDailySummaries(LocalDate from, LocalDate to, String departmentId, PaymentChannel channel,
                                 PaymentPurpose purpose) implements Query<List<DailySummary>> {
}
