package com.yihuiliao.api.account;

/** A patient's accounts with their balances, answered as a list of {@link AccountBalance}. */
public record FindPatientAccounts(String patientId) {
}
