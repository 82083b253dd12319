package com.yihuiliao.api.patient;

/**
 * An account added a patient (就诊人). Carries no personal data: names, ID numbers and phones stay
 * in the command side's {@code patient} table and never enter the event store.
 */
public record PatientRegistered(String patientId, String accountId) implements PatientEvent {
}
