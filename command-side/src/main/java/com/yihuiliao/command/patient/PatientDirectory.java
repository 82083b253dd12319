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
 * number, and the phone that staff searches match a fragment of (never selected into an answer). Kept by {@link Patients} in the same transaction as the patient row, so it is never
 * behind; personal data stays out of the events (a projection could only copy what events carry) and the
 * query side never reads the {@code patient} table with its full ID numbers and phones. It also holds the patient's
 * {@link StandingKeys standing key}, the person's keyed hash that bans follow.
 */
@Component
class PatientDirectory {

    private static final Logger log = LoggerFactory.getLogger(PatientDirectory.class);

    private final JdbcTemplate jdbc;
    private final StandingKeys standingKeys;
    private final PatientRepository patients;

    PatientDirectory(JdbcTemplate jdbc, StandingKeys standingKeys, PatientRepository patients) {
        this.jdbc = jdbc;
        this.standingKeys = standingKeys;
        this.patients = patients;
    }

    /** Called inside the patient change's transaction. */
    void put(Patient patient) {
        String standingKey = standingKeys.of(patient);
        int updated = jdbc.update("UPDATE patient_directory SET real_name = ?, id_number_masked = ?, standing_key = ?, "
                        + "phone = ? WHERE patient_id = ?", patient.getRealName(), patient.getIdNumberMasked(), standingKey,
                patient.phone(), patient.getId());
        if (updated == 0) {
            insert(patient.getId(), patient.getRealName(), patient.getIdNumberMasked(), standingKey, patient.phone());
        }
    }

    /**
     * Patients saved before the directory existed get their row; later starts find none missing. Two nodes
     * starting at once may both insert one: the second insert changes nothing.
     */
    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        List<Map<String, Object>> missing = jdbc.queryForList("SELECT p.id, p.real_name, p.document_type, p.id_number, "
                + "p.phone FROM patient p "
                + "LEFT JOIN patient_directory d ON d.patient_id = p.id WHERE d.patient_id IS NULL");
        for (Map<String, Object> row : missing) {
            try {
                insert((String) row.get("id"), (String) row.get("real_name"),
                        Masking.document(DocumentType.of((String) row.get("document_type")),
                                (String) row.get("id_number")), null, (String) row.get("phone"));
            } catch (DuplicateKeyException anotherNodeWasFirst) {
                // the same row, from the same patient
            }
        }
        if (!missing.isEmpty()) {
            log.info("Patient directory: added {} patients saved before it existed", missing.size());
        }
        List<String> unkeyed = jdbc.queryForList("SELECT patient_id FROM patient_directory WHERE standing_key IS NULL",
                String.class);
        for (Patient patient : patients.findAllById(unkeyed)) {
            // the same key from the same document, whichever node writes it
            jdbc.update("UPDATE patient_directory SET standing_key = ? WHERE patient_id = ?", standingKeys.of(patient),
                    patient.getId());
        }
        if (!unkeyed.isEmpty()) {
            log.info("Patient directory: keyed {} patients saved before standing keys existed", unkeyed.size());
        }
    }

    private void insert(String patientId, String realName, String idNumberMasked, String standingKey, String phone) {
        jdbc.update("INSERT INTO patient_directory (patient_id, real_name, id_number_masked, standing_key, phone) "
                + "VALUES (?, ?, ?, ?, ?)", patientId, realName, idNumberMasked, standingKey, phone);
    }
}
