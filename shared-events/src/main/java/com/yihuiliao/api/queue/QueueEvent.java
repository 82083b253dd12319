package com.yihuiliao.api.queue;

import com.yihuiliao.api.Event;

/** The session queue's events (取号 / 叫号), all of them. */
public sealed interface QueueEvent extends Event permits
        QueueOpened,
        QueueNumberIssued,
        PatientCalled,
        PatientSeen,
        PatientPassed,
        PatientRejoined {
}
