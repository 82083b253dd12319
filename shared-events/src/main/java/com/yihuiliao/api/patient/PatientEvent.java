package com.yihuiliao.api.patient;

import com.yihuiliao.api.Event;

/** The patient feature's events, all of them. */
public sealed interface PatientEvent extends Event permits
        PatientRegistered,
        PatientRemoved {
}
