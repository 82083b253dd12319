package com.yihuiliao.api.patient;

import com.yihuiliao.api.Query;

/**
 * Is (or was) this a patient of this account? A removed patient's history stays readable by its
 * account. Answered with a {@link Boolean} from the
 * {@code patient-view} read model, which follows the events with a short lag: a command that must
 * be exact (booking) is an {@link ActsForPatient}, checked by the command side against its own rows instead.
 */
public record IsPatientOfAccount(String patientId, String accountId) implements Query<Boolean> {
}
