package com.yihuiliao.api.billing;

import java.util.List;

/** A page of refunds; {@code total} and {@code amountSumFen} cover the whole filter. */
public record RefundRecordPage(List<RefundRecord> items, long total, long amountSumFen, int page, int size) {
}
