package com.yihuiliao.api.topup;

import com.yihuiliao.api.Event;

/** The topup feature's events, all of them. */
public sealed interface TopUpEvent extends Event permits
        TopUpCreated,
        TopUpPaid,
        TopUpCredited,
        TopUpPartlyRefunded,
        TopUpRefundRestored {
}
