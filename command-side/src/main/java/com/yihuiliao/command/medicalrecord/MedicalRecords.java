package com.yihuiliao.command.medicalrecord;

import static com.yihuiliao.command.integration.ExternalRecords.blankToNull;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.medicalrecord.AmendMedicalRecord;
import com.yihuiliao.api.medicalrecord.Diagnosis;
import com.yihuiliao.api.medicalrecord.Prescription;
import com.yihuiliao.api.medicalrecord.VisitRecord;
import com.yihuiliao.api.medicalrecord.WriteMedicalRecord;
import com.yihuiliao.command.appointment.DescribeVisit;
import com.yihuiliao.command.appointment.Visit;
import com.yihuiliao.command.catalogue.Catalogue;
import com.yihuiliao.command.catalogue.Department;
import com.yihuiliao.command.integration.ExternalRecords;
import com.yihuiliao.command.lookup.StoredAggregates;
import com.yihuiliao.command.patient.Patients;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes and amends medical records. A doctor's visit is an appointment: who, when, where and with whom are read
 * from the appointment itself (the truth, not a read model), so only the doctor it was booked with writes
 * it, and not for a cancelled or expired one. The HIS's visit is its visit number.
 */
@Service
class MedicalRecords {

    private static final String PREFIX = "MR";
    private static final Logger log = LoggerFactory.getLogger(MedicalRecords.class);

    /** What a write answers; {@code repeated} when the same record had been written before. */
    record WrittenRecord(String recordId, boolean repeated) {
    }

    /** A record's new version after an amendment. */
    record AmendedRecord(String recordId, int version) {
    }

    private final CommandGateway commands;
    private final StoredAggregates storedAggregates;
    private final Catalogue catalogue;
    private final Patients patients;

    MedicalRecords(CommandGateway commands, StoredAggregates storedAggregates, Catalogue catalogue, Patients patients) {
        this.commands = commands;
        this.storedAggregates = storedAggregates;
        this.catalogue = catalogue;
        this.patients = patients;
    }

    static String recordIdOf(String source, String externalNo) {
        return ExternalRecords.idOf(PREFIX, source, externalNo);
    }

    WrittenRecord writeByDoctor(MedicalRecordRequests.DoctorWrite request, String doctorId, String actor) {
        Visit visit = visit(request.appointmentId());
        if (doctorId == null || !doctorId.equals(visit.doctorId())) {
            throw new BusinessRuleViolation(ErrorCode.FORBIDDEN, "Only the doctor of this visit writes its record.");
        }
        String departmentName = catalogue.findDepartment(visit.departmentId()).map(Department::getName)
                .orElse(visit.departmentId());
        VisitRecord content = content(visit.date(), visit.departmentId(), departmentName, visit.doctorId(),
                catalogue.doctor(visit.doctorId()).getName(), request.record());
        return write(MedicalRecord.DOCTOR, request.appointmentId(), request.appointmentId(), visit.patientId(),
                content, actor);
    }

    WrittenRecord writeByHis(MedicalRecordRequests.HisWrite request, String actor) {
        if (!patients.isLive(request.patientId())) {
            throw new BusinessRuleViolation(ErrorCode.PATIENT_NOT_FOUND);
        }
        return write(MedicalRecord.HIS, request.visitNo(), null, request.patientId(),
                content(request.visit(), request.record()), actor);
    }

    AmendedRecord amendByDoctor(String recordId, MedicalRecordRequests.DoctorAmend request, String doctorId,
                                String actor) {
        // the visit's facts are the aggregate's: it keeps them
        VisitRecord content = new VisitRecord(null, null, null, null, null, request.record().chiefComplaint(),
                request.record().presentIllness(), diagnoses(request.record()), request.record().advice(),
                prescriptions(request.record()));
        return amend(recordId, new AmendMedicalRecord(recordId, content, request.reason(), MedicalRecord.DOCTOR,
                doctorId, actor));
    }

    AmendedRecord amendByHis(String visitNo, MedicalRecordRequests.HisAmend request, String actor) {
        String recordId = recordIdOf(MedicalRecord.HIS, visitNo);
        return amend(recordId, new AmendMedicalRecord(recordId, content(request.visit(), request.record()),
                request.reason(), MedicalRecord.HIS, null, actor));
    }

    private WrittenRecord write(String source, String externalNo, String appointmentId, String patientId,
                                VisitRecord content, String actor) {
        String recordId = recordIdOf(source, externalNo);
        boolean written = commands.sendAndWait(new WriteMedicalRecord(recordId, patientId, source, externalNo,
                appointmentId, content, ExternalRecords.fingerprint(patientId, content), actor));
        if (written) {
            log.info("{} wrote medical record {} ({})", actor, recordId, source);
        }
        return new WrittenRecord(recordId, !written);
    }

    private AmendedRecord amend(String recordId, AmendMedicalRecord command) {
        int version = ExternalRecords.known(recordId, PREFIX, ErrorCode.MEDICAL_RECORD_NOT_FOUND,
                () -> commands.sendAndWait(command));
        log.info("{} amended medical record {} (version {})", command.actor(), recordId, version);
        return new AmendedRecord(recordId, version);
    }

    /** The appointment's visit, if it is still one (not cancelled or expired): the appointment answers. */
    private Visit visit(String appointmentId) {
        if (!storedAggregates.exists(appointmentId)) {
            throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_FOUND);
        }
        return commands.sendAndWait(new DescribeVisit(appointmentId));
    }

    private static VisitRecord content(MedicalRecordRequests.Visit visit, MedicalRecordRequests.Clinical record) {
        if (visit.visitDate().isAfter(LocalDate.now(Clocks.HOSPITAL_ZONE))) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "visit.visitDate",
                    "visitDate is in the future.");
        }
        return content(visit.visitDate(), visit.departmentId(), visit.departmentName(), visit.doctorId(),
                visit.doctorName(), record);
    }

    private static VisitRecord content(LocalDate date, String departmentId, String departmentName, String doctorId,
                                       String doctorName, MedicalRecordRequests.Clinical record) {
        return new VisitRecord(date, departmentId, departmentName, doctorId, doctorName, record.chiefComplaint(),
                blankToNull(record.presentIllness()), diagnoses(record), blankToNull(record.advice()),
                prescriptions(record));
    }

    private static List<Diagnosis> diagnoses(MedicalRecordRequests.Clinical record) {
        return record.diagnoses().stream().map(d -> new Diagnosis(d.icd10Code(), d.name())).toList();
    }

    private static List<Prescription> prescriptions(MedicalRecordRequests.Clinical record) {
        return record.prescriptions() == null ? List.of() : record.prescriptions().stream()
                .map(p -> new Prescription(p.drug(), blankToNull(p.specification()), p.usage(),
                        blankToNull(p.quantity())))
                .toList();
    }
}
