package com.yihuiliao.api.inpatient;

import com.yihuiliao.api.Query;
import java.util.List;

/** 住院人管理: an account's patients that have admissions, each with its latest. */
public record FindInpatients(String accountId) implements Query<List<Inpatient>> {
}
