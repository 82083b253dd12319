package com.yihuiliao.api.rules;

import com.yihuiliao.api.Event;

/** The rules feature's events, all of them. */
public sealed interface RulesEvent extends Event permits
        BookingRulesSet {
}
