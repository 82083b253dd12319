package com.yihuiliao.api.inpatient;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;
import java.time.LocalDate;

/**
 * Staff's admissions, newest admitted first: of one patient or all, one status, one ward, admitted from one
 * Shanghai date to another (inclusive); answered with a {@link ListPage} of {@link AdmissionSummary}.
 */
public record FindAdmissions(String patientId, AdmissionStatus status, String ward, LocalDate from, LocalDate to,
                             String cursor, int size) implements Query<ListPage<AdmissionSummary>> {
}
