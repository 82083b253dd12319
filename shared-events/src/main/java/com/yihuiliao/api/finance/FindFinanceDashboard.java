package com.yihuiliao.api.finance;

import com.yihuiliao.api.Query;
import java.time.LocalDate;

/** The dashboard of one business date (Asia/Shanghai). */
public record FindFinanceDashboard(LocalDate businessDate) implements Query<FinanceDashboard> {
}
