package com.yihuiliao.api.inpatient;

import com.yihuiliao.api.Query;
import java.time.LocalDate;

/** An admission's fee lines, of one Shanghai date and one category or all; null when there is no such admission. */
public record FindAdmissionFees(String admissionId, LocalDate date, FeeCategory category)
        implements Query<AdmissionFees> {
}
