package com.yihuiliao.api.payment;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.patient.ActsForPatient;

/** Pays a held appointment's fee from the outpatient balance and confirms it; for the caller's own patient. */
public record PayAppointmentWithBalance(String appointmentId, String patientId,
                                        String accountId) implements ActsForPatient, Command {
}
