package com.yihuiliao.api.patient;

/**
 * An account removed a patient. The patient's row is kept (soft delete) so history stays readable;
 * the patient can no longer be booked for. A patient id is removed at most once.
 */
public record PatientRemoved(String patientId, String accountId) implements PatientEvent {
}
