package com.yihuiliao.api.billing;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;
import com.yihuiliao.api.account.AccountKind;
import java.time.LocalDate;

/**
 * A patient's account movements, newest first, answered as a {@link com.yihuiliao.api.ListPage} with the credit and debit sums of the whole filter. {@code kind},
 * {@code from} and {@code to} (business dates, inclusive) are optional.
 */
public record FindAccountMovements(String patientId, AccountKind kind, LocalDate from, LocalDate to, String cursor,
                                   int size) implements Query<ListPage<AccountMovement>> {
}
