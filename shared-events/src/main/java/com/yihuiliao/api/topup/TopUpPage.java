package com.yihuiliao.api.topup;

import java.util.List;

public record TopUpPage(List<TopUpRecord> items, long total, int page, int size) {
}
