package com.yihuiliao.api.topup;

import com.yihuiliao.api.account.AccountKind;
import java.time.LocalDate;

/** Staff's list: every filter optional; {@code from}/{@code to} are Shanghai dates of creation, inclusive; pages from 0. */
public record FindTopUps(String patientId, AccountKind kind, LocalDate from, LocalDate to, int page, int size) {
}
