package com.yihuiliao.api.bill;

import java.util.List;

public record BillPage(List<BillSummary> items, long total, int page, int size) {
}
