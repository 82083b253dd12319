package com.yihuiliao.api.bill;

import java.util.List;

/** A page of bills: the items, the total count over the whole filter, the page and its size. */
public record BillPage(List<BillSummary> items, long total, int page, int size) {
}
