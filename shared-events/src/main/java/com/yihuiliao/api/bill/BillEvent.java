package com.yihuiliao.api.bill;

import com.yihuiliao.api.Event;

/** The bill feature's events, all of them. */
public sealed interface BillEvent extends Event permits
        BillIssued,
        BillPaid,
        BillVoided,
        BillItemRefunded,
        BillRefundRequested,
        BillRefundRequestApproved,
        BillRefundRequestRejected {
}
