package com.yihuiliao.api.standing;

import com.yihuiliao.api.Event;

/** The standing feature's events (信用: a person's offences, bans and the penalty rules), all of them. */
public sealed interface StandingEvent extends Event permits
        PenaltyRulesSet,
        OffenceRecorded,
        PersonBanned,
        BanLifted {
}
