package com.yihuiliao.api.bill;

import java.util.List;

/** A page of bill refund requests: the items, the total count, the page and its size. */
public record BillRefundRequestPage(List<BillRefundRequestView> items, long total, int page, int size) {
}
