package com.yihuiliao.api.topup;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;
import com.yihuiliao.api.account.AccountKind;
import java.time.LocalDate;

/**
 * Staff's list: every filter optional; {@code from}/{@code to} are Shanghai dates of creation, inclusive.
 * Answered with a {@link com.yihuiliao.api.ListPage}.
 */
public record FindTopUps(String patientId, AccountKind kind, LocalDate from, LocalDate to, String cursor, int size)
        implements Query<ListPage<TopUpRecord>> {
}
