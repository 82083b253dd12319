package com.yihuiliao.api.account;

import java.time.Instant;

/** A patient's account (outpatient balance or inpatient deposit) and its balance. */
public record AccountBalance(String patientId, AccountKind kind, long balanceFen, Instant updatedAt) {
}
