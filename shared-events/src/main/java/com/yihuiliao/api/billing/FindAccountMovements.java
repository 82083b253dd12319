package com.yihuiliao.api.billing;

import com.yihuiliao.api.account.AccountKind;
import java.time.LocalDate;

/**
 * A patient's account movements, newest first, answered as an {@link AccountMovementPage}. {@code kind},
 * {@code from} and {@code to} (business dates, inclusive) are optional; pages start at 0.
 */
public record FindAccountMovements(String patientId, AccountKind kind, LocalDate from, LocalDate to, int page,
                                   int size) {
}
