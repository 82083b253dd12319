package com.yihuiliao.api.inpatient;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;

/** One patient's admissions, newest admitted first. */
public record FindPatientAdmissions(String patientId, String cursor, int size)
        implements Query<ListPage<AdmissionSummary>> {
}
