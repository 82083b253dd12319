package com.yihuiliao.api.bill;

import java.util.List;

public record BillRefundRequestPage(List<BillRefundRequestView> items, long total, int page, int size) {
}
