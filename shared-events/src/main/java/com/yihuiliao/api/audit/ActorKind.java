package com.yihuiliao.api.audit;

/** Who sent a command: a patient's account, a staff member, a process of the system; unknown for old events. */
public enum ActorKind {
    PATIENT, STAFF, SYSTEM, UNKNOWN
}
