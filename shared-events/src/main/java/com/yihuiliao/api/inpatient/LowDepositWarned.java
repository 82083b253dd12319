package com.yihuiliao.api.inpatient;

/**
 * The deposit left after the fees fell below the threshold (or was below it at the first fees): the patient is
 * warned, once per such crossing ({@code warning} counts them, from 1).
 */
public record LowDepositWarned(String admissionId, String patientId, long remainingFen, long thresholdFen,
                               int warning) implements InpatientEvent {
}
