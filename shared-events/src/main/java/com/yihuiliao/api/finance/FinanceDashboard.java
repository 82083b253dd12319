package com.yihuiliao.api.finance;

import java.time.LocalDate;
import java.util.List;

/**
 * One business day at a glance: appointments booked that day and those confirmed, cancelled and expired that
 * day; the consumption records paid that day (gross) and the refunds that went back that day; how full each
 * department's schedules of the day are.
 */
public record FinanceDashboard(LocalDate businessDate, long booked, long confirmed, long cancelled, long expired,
                               long revenueFen, long refundsFen, List<SlotFill> slotFill) {
}
