package com.yihuiliao.api.account;

import com.yihuiliao.api.Query;
import java.util.List;

/** A patient's accounts with their balances, answered as a list of {@link AccountBalance}. */
public record FindPatientAccounts(String patientId) implements Query<List<AccountBalance>> {
}
