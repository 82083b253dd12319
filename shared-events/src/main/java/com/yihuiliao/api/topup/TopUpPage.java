package com.yihuiliao.api.topup;

import java.util.List;

/** A page of top-up records: the items, the total count over the whole filter, the page and its size. */
public record TopUpPage(List<TopUpRecord> items, long total, int page, int size) {
}
