package com.yihuiliao.command.inpatient;

import static com.yihuiliao.command.integration.ExternalRecords.blankToNull;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.inpatient.AdmissionSettlement;
import com.yihuiliao.api.inpatient.FeeLine;
import com.yihuiliao.api.inpatient.FeePosting;
import com.yihuiliao.api.inpatient.RecordAdmission;
import com.yihuiliao.api.inpatient.RecordAdmissionFees;
import com.yihuiliao.api.inpatient.SettleAdmission;
import com.yihuiliao.api.inpatient.StartDischarge;
import com.yihuiliao.command.integration.ExternalRecords;
import com.yihuiliao.command.patient.Patients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Admissions, their fees, discharge and settlement, from the HIS and from staff alike: the HIS names an
 * admission by its own number, staff by our id; both reach the same aggregate.
 */
@Service
public class Admissions {

    static final String PREFIX = "AD";
    /** The sources' clocks may run a little ahead of ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(Admissions.class);

    /** What an admission push or entry answers; {@code repeated} when the number had recorded it before. */
    record RecordedAdmission(String admissionId, boolean repeated) {
    }

    private final CommandGateway commands;
    private final Patients patients;
    private final Clock clock = Clock.systemUTC();

    Admissions(CommandGateway commands, Patients patients) {
        this.commands = commands;
        this.patients = patients;
    }

    /** The admission id of a source's admission number: the same number, the same admission. */
    static String admissionIdOf(String source, String externalNo) {
        return ExternalRecords.idOf(PREFIX, source, externalNo);
    }

    public static boolean isAdmissionId(String id) {
        return id != null && id.startsWith(PREFIX) && id.length() == PREFIX.length() + 30;
    }

    RecordedAdmission record(String source, AdmissionRequests.AdmissionRequest request, String actor) {
        if (!patients.isLive(request.patientId())) {
            throw new BusinessRuleViolation(ErrorCode.PATIENT_NOT_FOUND);
        }
        notInTheFuture(request.admittedAt(), "admittedAt");
        String admissionId = admissionIdOf(source, request.externalNo());
        String doctor = blankToNull(request.attendingDoctor());
        String fingerprint = ExternalRecords.fingerprint(request.patientId(), request.ward(), request.bed(),
                request.admittedAt(), doctor);
        boolean recorded = commands.sendAndWait(new RecordAdmission(admissionId, request.patientId(), source,
                request.externalNo(), request.ward(), request.bed(), request.admittedAt(), doctor, fingerprint, actor));
        if (recorded) {
            log.info("{} recorded admission {} ({} from {})", actor, admissionId, request.externalNo(), source);
        }
        return new RecordedAdmission(admissionId, !recorded);
    }

    FeePosting postFees(String admissionId, AdmissionRequests.FeesRequest request, String actor) {
        List<FeeLine> lines = request.lines().stream().map(l -> FeeLine.of(l.lineNo(), l.feeDate(), l.category(),
                blankToNull(l.itemCode()), l.itemName(), l.quantity(), l.unitPriceFen())).toList();
        return known(admissionId, () -> commands.sendAndWait(new RecordAdmissionFees(admissionId, lines, actor)));
    }

    void discharge(String admissionId, AdmissionRequests.DischargeRequest request, String actor) {
        Instant at = request == null || request.dischargedAt() == null ? clock.instant() : request.dischargedAt();
        notInTheFuture(at, "dischargedAt");
        known(admissionId, () -> commands.sendAndWait(new StartDischarge(admissionId, at, actor)));
    }

    AdmissionSettlement settle(String admissionId, String actor) {
        return known(admissionId, () -> commands.sendAndWait(new SettleAdmission(admissionId, actor)));
    }

    private static <R> R known(String admissionId, java.util.function.Supplier<R> command) {
        return ExternalRecords.known(admissionId, PREFIX, ErrorCode.ADMISSION_NOT_FOUND, command);
    }

    private void notInTheFuture(Instant at, String field) {
        if (at.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, field, field + " is in the future.");
        }
    }
}
