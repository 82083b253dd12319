package com.yihuiliao.api.refund;

import com.yihuiliao.api.Event;

/** The refund feature's events, all of them. */
public sealed interface RefundEvent extends Event permits
        RefundRequested,
        RefundSucceeded,
        RefundFailed {
}
