package com.yihuiliao.api.billing;

import java.util.List;

/** A page of payments; {@code total}, {@code amountSumFen} and {@code refundedSumFen} cover the whole filter. */
public record PaymentRecordPage(List<PaymentRecord> items, long total, long amountSumFen, long refundedSumFen,
                                int page, int size) {
}
