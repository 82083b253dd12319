package com.yihuiliao.command.patient;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The staff-side patient directory ({@code patient_directory}): per patient id, the name and the masked ID
 * number, nothing more. Kept by {@link Patients} in the same transaction as the patient row, so it is never
 * behind; personal data stays out of the events (a projection could only copy what events carry) and the
 * query side never reads the {@code patient} table with its full ID numbers and phones.
 */
@Component
class PatientDirectory {

    private static final Logger log = LoggerFactory.getLogger(PatientDirectory.class);

    private final JdbcTemplate jdbc;

    PatientDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Called inside the patient change's transaction. */
    void put(Patient patient) {
        int updated = jdbc.update("UPDATE patient_directory SET real_name = ?, id_number_masked = ? WHERE patient_id = ?",
                patient.getRealName(), patient.getIdNumberMasked(), patient.getId());
        if (updated == 0) {
            insert(patient.getId(), patient.getRealName(), patient.getIdNumberMasked());
        }
    }

    /**
     * Patients saved before the directory existed get their row; later starts find none missing. Two nodes
     * starting at once may both insert one: the second insert changes nothing.
     */
    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        List<Map<String, Object>> missing = jdbc.queryForList("SELECT p.id, p.real_name, p.document_type, p.id_number FROM patient p "
                + "LEFT JOIN patient_directory d ON d.patient_id = p.id WHERE d.patient_id IS NULL");
        for (Map<String, Object> row : missing) {
            try {
                insert((String) row.get("id"), (String) row.get("real_name"),
                        Masking.document(DocumentType.of((String) row.get("document_type")),
                                (String) row.get("id_number")));
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // the same row, from the same patient
            }
        }
        if (!missing.isEmpty()) {
            log.info("Patient directory: added {} patients saved before it existed", missing.size());
        }
    }

    private void insert(String patientId, String realName, String idNumberMasked) {
        jdbc.update("INSERT INTO patient_directory (patient_id, real_name, id_number_masked) VALUES (?, ?, ?)",
                patientId, realName, idNumberMasked);
    }
}
