package com.yihuiliao.api.patient;

/**
 * A command a patient's account sends for one of its own patients. The command side checks every such
 * command, in its unit of work and before any handler, and answers another account's (or a removed)
 * patient exactly as an unknown one, {@code PATIENT_NOT_FOUND}, so ids do not leak. Staff and internal
 * commands do not carry it, so they are never checked this way.
 */
public interface ActsForPatient {

    String patientId();

    /** The caller's account, the token's subject: set by the controller, never taken from the request body. */
    String accountId();
}
