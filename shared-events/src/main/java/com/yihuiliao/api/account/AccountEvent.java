package com.yihuiliao.api.account;

import com.yihuiliao.api.Event;

/** The account feature's events, all of them. */
public sealed interface AccountEvent extends Event permits
        AccountCredited,
        AccountDebited {
}
