package com.yihuiliao.command.medicalrecord;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.medicalrecord.AmendMedicalRecord;
import com.yihuiliao.api.medicalrecord.MedicalRecordAmended;
import com.yihuiliao.api.medicalrecord.MedicalRecordWritten;
import com.yihuiliao.api.medicalrecord.VisitRecord;
import com.yihuiliao.api.medicalrecord.WriteMedicalRecord;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The medical record (病历) of one visit, id derived from the visit: written once (the same again changes
 * nothing; other content is a conflict), then amended, each amendment a new version that leaves the earlier
 * ones as they were. A doctor's record is amended only by the doctor of the visit, and the visit's date,
 * department and doctor stay; the HIS amends what it pushed in full.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class MedicalRecord {

    static final String DOCTOR = "DOCTOR";
    static final String HIS = "HIS";

    @AggregateIdentifier
    private String recordId;
    private String patientId;
    private String source;
    private String fingerprint;
    private VisitRecord content;
    private int version;

    protected MedicalRecord() {
        // for Axon
    }

    /** Answers whether this wrote it now (false: the same record again, nothing changed). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(WriteMedicalRecord cmd) {
        if (patientId != null) {
            if (!patientId.equals(cmd.patientId()) || !fingerprint.equals(cmd.fingerprint())) {
                throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT, "This visit already has a different "
                        + "medical record; amend it instead.");
            }
            return false;
        }
        requireComplete(cmd.content());
        if (cmd.patientId() == null || cmd.fingerprint() == null) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "A medical record names its patient.");
        }
        apply(new MedicalRecordWritten(cmd.recordId(), cmd.patientId(), cmd.source(), cmd.externalNo(),
                cmd.appointmentId(), cmd.content(), cmd.fingerprint(), cmd.actor()));
        return true;
    }

    /** Answers the new version. */
    @CommandHandler
    public int handle(AmendMedicalRecord cmd) {
        if (!source.equals(cmd.source())) {
            throw new BusinessRuleViolation(ErrorCode.MEDICAL_RECORD_NOT_FOUND);
        }
        VisitRecord amended = cmd.content();
        if (DOCTOR.equals(source)) {
            if (cmd.doctorId() == null || !cmd.doctorId().equals(content.doctorId())) {
                throw new BusinessRuleViolation(ErrorCode.FORBIDDEN,
                        "Only the doctor of this visit amends its medical record.");
            }
            // the visit is what it was: only what the doctor wrote changes
            amended = new VisitRecord(content.visitDate(), content.departmentId(), content.departmentName(),
                    content.doctorId(), content.doctorName(), amended.chiefComplaint(), amended.presentIllness(),
                    amended.diagnoses(), amended.advice(), amended.prescriptions());
        }
        requireComplete(amended);
        if (cmd.reason() == null || cmd.reason().isBlank()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "An amendment says why.");
        }
        apply(new MedicalRecordAmended(recordId, patientId, version + 1, amended, cmd.reason(), cmd.actor()));
        return version;
    }

    private static void requireComplete(VisitRecord record) {
        if (record == null || record.visitDate() == null || record.departmentName() == null
                || record.doctorName() == null || record.chiefComplaint() == null || record.diagnoses().isEmpty()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "A medical record has the visit's date, "
                    + "department and doctor, a chief complaint and at least one diagnosis.");
        }
    }

    @EventSourcingHandler
    void on(MedicalRecordWritten event) {
        recordId = event.recordId();
        patientId = event.patientId();
        source = event.source();
        fingerprint = event.fingerprint();
        content = event.content();
        version = 1;
    }

    @EventSourcingHandler
    void on(MedicalRecordAmended event) {
        content = event.content();
        version = event.version();
    }
}
