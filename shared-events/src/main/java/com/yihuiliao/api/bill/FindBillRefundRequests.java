package com.yihuiliao.api.bill;

import com.yihuiliao.api.Query;
import com.yihuiliao.api.ListPage;

/**
 * Staff: refund requests, oldest first (the queue finance works through); optionally of one status. Answered
 * with a {@link com.yihuiliao.api.ListPage}.
 */
public record FindBillRefundRequests(BillRefundRequestStatus status, String cursor, int size)
        implements Query<ListPage<BillRefundRequestView>> {
}
