package com.yihuiliao.projection.patient;

import com.yihuiliao.api.patient.IsPatientOfAccount;
import com.yihuiliao.api.patient.PatientRegistered;
import com.yihuiliao.api.patient.PatientRemoved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which account each patient belongs to, and whether the patient was removed.
 *
 * <p>The patient events are published without an aggregate, so a pooled processor may hand one
 * patient's registration and removal to different segments, in either order. A patient id is
 * registered once and removed at most once, so the handlers commute: a removal seen first leaves a
 * removed row, which the later registration does not revive. Redelivery changes nothing.
 */
@Component
@ProcessingGroup(PatientOwnershipProjection.GROUP)
public class PatientOwnershipProjection {

    public static final String GROUP = "patient-view";

    private final JdbcTemplate jdbc;

    PatientOwnershipProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PatientRegistered e) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM patient_view WHERE patient_id = ?", Integer.class,
                e.patientId());
        if (known == 0) {
            try {
                jdbc.update("INSERT INTO patient_view (patient_id, account_id, removed) VALUES (?, ?, FALSE)",
                        e.patientId(), e.accountId());
            } catch (DuplicateKeyException removalCameFirst) {
                // the removal's row is already there, and stays removed
            }
        }
    }

    @EventHandler
    void on(PatientRemoved e) {
        if (markRemoved(e.patientId()) == 0) {
            try {
                jdbc.update("INSERT INTO patient_view (patient_id, account_id, removed) VALUES (?, ?, TRUE)",
                        e.patientId(), e.accountId());
            } catch (DuplicateKeyException registeredMeanwhile) {
                markRemoved(e.patientId());
            }
        }
    }

    private int markRemoved(String patientId) {
        return jdbc.update("UPDATE patient_view SET removed = TRUE WHERE patient_id = ?", patientId);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM patient_view");
    }

    /** True for a patient of that account, removed ones included: their history stays readable. */
    @QueryHandler
    Boolean handle(IsPatientOfAccount query) {
        if (query.patientId() == null || query.accountId() == null) {
            return Boolean.FALSE;
        }
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM patient_view WHERE patient_id = ? AND account_id = ?",
                Integer.class, query.patientId(), query.accountId());
        return found != null && found > 0;
    }
}
