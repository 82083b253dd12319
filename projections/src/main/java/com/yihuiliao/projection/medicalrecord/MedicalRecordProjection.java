package com.yihuiliao.projection.medicalrecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.medicalrecord.FindMedicalRecord;
import com.yihuiliao.api.medicalrecord.FindMedicalRecordVersion;
import com.yihuiliao.api.medicalrecord.FindPatientMedicalRecords;
import com.yihuiliao.api.medicalrecord.MedicalRecordAmended;
import com.yihuiliao.api.medicalrecord.MedicalRecordDetail;
import com.yihuiliao.api.medicalrecord.MedicalRecordSummary;
import com.yihuiliao.api.medicalrecord.MedicalRecordVersion;
import com.yihuiliao.api.medicalrecord.MedicalRecordWritten;
import com.yihuiliao.api.medicalrecord.VisitRecord;
import com.yihuiliao.projection.Keyset;
import com.yihuiliao.projection.Utc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Medical records: one row per record for the lists, and one per version, each with its content in full (as
 * JSON, read whole). A version is written once by its number; the list row takes only later sequences.
 */
@Component
@ProcessingGroup(MedicalRecordProjection.GROUP)
public class MedicalRecordProjection {

    public static final String GROUP = "medical-record-view";

    private static final Keyset<MedicalRecordSummary> NEWEST_VISIT_FIRST = new Keyset<>("medical-records",
            r -> new Object[]{r.visitDate(), r.recordId()},
            Keyset.desc("visit_date", Keyset.Type.DATE), Keyset.desc("record_id", Keyset.Type.STRING));
    /** The content's own mapper: the web's JSON settings never change what is stored here. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final JdbcTemplate jdbc;

    MedicalRecordProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MedicalRecordWritten e, @SequenceNumber long seq, @Timestamp Instant at) {
        version(e.recordId(), 1, e.content(), null, e.writtenBy(), at);
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM medical_record_view WHERE record_id = ?",
                Integer.class, e.recordId());
        if (exists == null || exists == 0) {
            VisitRecord c = e.content();
            jdbc.update("INSERT INTO medical_record_view (record_id, patient_id, visit_date, department_name, "
                            + "doctor_name, diagnosis, version, source, external_no, last_seq) "
                            + "VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)", e.recordId(), e.patientId(), c.visitDate(),
                    c.departmentName(), c.doctorName(), c.diagnoses().get(0).name(), e.source(), e.externalNo(), seq);
        }
    }

    @EventHandler
    void on(MedicalRecordAmended e, @SequenceNumber long seq, @Timestamp Instant at) {
        version(e.recordId(), e.version(), e.content(), e.reason(), e.amendedBy(), at);
        VisitRecord c = e.content();
        jdbc.update("UPDATE medical_record_view SET visit_date = ?, department_name = ?, doctor_name = ?, diagnosis = ?, "
                        + "version = ?, last_seq = ? WHERE record_id = ? AND last_seq < ?", c.visitDate(),
                c.departmentName(), c.doctorName(), c.diagnoses().get(0).name(), e.version(), seq, e.recordId(), seq);
    }

    private void version(String recordId, int version, VisitRecord content, String reason, String by, Instant at) {
        try {
            jdbc.update("INSERT INTO medical_record_version_view (record_id, version, content, reason, recorded_by, "
                    + "recorded_at) VALUES (?, ?, ?, ?, ?, ?)", recordId, version, JSON.writeValueAsString(content),
                    reason, by, Utc.of(at));
        } catch (DuplicateKeyException redelivered) {
            // this version is already here, as it was
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM medical_record_version_view");
        jdbc.update("DELETE FROM medical_record_view");
    }

    @QueryHandler
    ListPage<MedicalRecordSummary> handle(FindPatientMedicalRecords q) {
        StringBuilder where = new StringBuilder(" WHERE patient_id = ?");
        List<Object> args = new ArrayList<>(List.of(q.patientId()));
        if (q.from() != null) {
            where.append(" AND visit_date >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            where.append(" AND visit_date <= ?");
            args.add(q.to());
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM medical_record_view" + where, Long.class,
                args.toArray());
        return NEWEST_VISIT_FIRST.page(jdbc, "SELECT * FROM medical_record_view", where.toString(), args,
                MedicalRecordProjection::summary, q.cursor(), q.size(), total == null ? 0 : total, null);
    }

    @QueryHandler
    MedicalRecordDetail handle(FindMedicalRecord q) {
        MedicalRecordDetail.Provenance[] provenance = new MedicalRecordDetail.Provenance[1];
        String patientId = jdbc.query("SELECT patient_id, source, external_no FROM medical_record_view "
                + "WHERE record_id = ?", (rs, i) -> {
                    provenance[0] = new MedicalRecordDetail.Provenance(rs.getString("source"),
                            rs.getString("external_no"));
                    return rs.getString("patient_id");
                }, q.recordId()).stream().findFirst().orElse(null);
        if (patientId == null) {
            return null;
        }
        List<String> by = new ArrayList<>();
        List<MedicalRecordVersion> versions = jdbc.query("SELECT * FROM medical_record_version_view "
                + "WHERE record_id = ? ORDER BY version DESC", (rs, i) -> {
                    by.add(rs.getString("recorded_by"));
                    return version(rs, patientId);
                }, q.recordId());
        if (versions.isEmpty()) {
            return null;
        }
        List<MedicalRecordDetail.VersionInfo> infos = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            MedicalRecordVersion v = versions.get(i);
            infos.add(new MedicalRecordDetail.VersionInfo(v.version(), v.recordedAt(), v.reason(), by.get(i)));
        }
        return new MedicalRecordDetail(q.recordId(), patientId, versions.get(0), infos, provenance[0]);
    }

    @QueryHandler
    MedicalRecordVersion handle(FindMedicalRecordVersion q) {
        String patientId = jdbc.query("SELECT patient_id FROM medical_record_view WHERE record_id = ?",
                (rs, i) -> rs.getString(1), q.recordId()).stream().findFirst().orElse(null);
        if (patientId == null) {
            return null;
        }
        return jdbc.query("SELECT * FROM medical_record_version_view WHERE record_id = ? AND version = ?",
                (rs, i) -> version(rs, patientId), q.recordId(), q.version()).stream().findFirst().orElse(null);
    }

    private static MedicalRecordVersion version(ResultSet rs, String patientId) throws SQLException {
        try {
            return new MedicalRecordVersion(rs.getString("record_id"), patientId, rs.getInt("version"),
                    JSON.readValue(rs.getString("content"), VisitRecord.class), Utc.read(rs, "recorded_at"),
                    rs.getString("reason"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MedicalRecordSummary summary(ResultSet rs, int row) throws SQLException {
        return new MedicalRecordSummary(rs.getString("record_id"), rs.getString("patient_id"),
                rs.getObject("visit_date", LocalDate.class), rs.getString("department_name"),
                rs.getString("doctor_name"), rs.getString("diagnosis"), rs.getInt("version"));
    }
}
