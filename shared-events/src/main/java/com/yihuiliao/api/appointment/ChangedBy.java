package com.yihuiliao.api.appointment;

/** Who made a status change, as far as its event says. */
public enum ChangedBy {
    /** Booked or cancelled by the patient's account. */
    PATIENT,
    /** Cancelled by the hospital (staff, a suspended schedule). */
    HOSPITAL,
    /** The system: a hold not paid in time. */
    SYSTEM
}
