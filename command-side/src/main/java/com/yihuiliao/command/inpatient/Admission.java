package com.yihuiliao.command.inpatient;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.inpatient.AdmissionFeePosted;
import com.yihuiliao.api.inpatient.AdmissionSettled;
import com.yihuiliao.api.inpatient.AdmissionStatus;
import com.yihuiliao.api.inpatient.DischargeStarted;
import com.yihuiliao.api.inpatient.FeeLine;
import com.yihuiliao.api.inpatient.FeePosting;
import com.yihuiliao.api.inpatient.LowDepositWarned;
import com.yihuiliao.api.inpatient.PatientAdmitted;
import com.yihuiliao.api.inpatient.RecordAdmission;
import com.yihuiliao.api.inpatient.StartDischarge;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An inpatient stay (住院), id derived from its source and admission number: recorded once (the same push again
 * changes nothing; other content under the number is a conflict); each fee line posted once by its line number;
 * settled once (出院结算) — the fees charged against the deposit, the rest refunded, a shortfall billed — after which
 * it takes no more fees. The money itself moves in the money room, which hands this the deposit it found.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Admission {

    static final int MAX_LINES = 200;
    /** A stay's fees stay far below what a long can hold, and below any sane hospital bill. */
    static final long MAX_TOTAL_FEN = 1_000_000_000L;

    @AggregateIdentifier
    private String admissionId;
    private String patientId;
    private String fingerprint;
    private AdmissionStatus status;
    /** line number → the line as posted, so a repeat is told from a conflicting one */
    private Map<String, FeeLine> lines = new HashMap<>();
    private long totalFeesFen;
    private int warnings;
    private SettlementTerms settlement;

    protected Admission() {
        // for Axon
    }

    /** Answers whether this recorded it now (false: the same push again, nothing changed). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordAdmission cmd) {
        if (patientId != null) {
            if (!patientId.equals(cmd.patientId()) || !fingerprint.equals(cmd.fingerprint())) {
                throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT, "This admission number already "
                        + "recorded a different admission.");
            }
            return false;
        }
        if (cmd.patientId() == null || cmd.ward() == null || cmd.bed() == null || cmd.admittedAt() == null
                || cmd.fingerprint() == null) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "An admission needs its patient, ward, bed and admission time.");
        }
        apply(new PatientAdmitted(cmd.admissionId(), cmd.patientId(), cmd.source(), cmd.externalNo(), cmd.ward(),
                cmd.bed(), cmd.admittedAt(), cmd.attendingDoctor(), cmd.fingerprint(), cmd.actor()));
        return true;
    }

    @CommandHandler
    public AdmissionFacts handle(QuoteAdmission cmd) {
        return new AdmissionFacts(admissionId, patientId, status, totalFeesFen);
    }

    /**
     * Posts the lines not posted before (a whole batch is refused if any line conflicts with an earlier one or
     * is invalid), then warns when the deposit left falls below the threshold with this batch, or is below it
     * at the admission's first warning.
     */
    @CommandHandler
    public FeePosting handle(RecordFees cmd) {
        if (cmd.lines() == null || cmd.lines().isEmpty() || cmd.lines().size() > MAX_LINES) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "lines",
                    "A push has 1 to " + MAX_LINES + " fee lines.");
        }
        Set<String> inBatch = new HashSet<>();
        List<FeeLine> fresh = new java.util.ArrayList<>();
        long added = 0;
        for (FeeLine line : cmd.lines()) {
            requireValid(line);
            if (!inBatch.add(line.lineNo())) {
                throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "lines",
                        "Line " + line.lineNo() + " appears twice in this push.");
            }
            FeeLine earlier = lines.get(line.lineNo());
            if (earlier != null) {
                if (!earlier.equals(line)) {
                    throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                            "Fee line " + line.lineNo() + " was already posted with other content.");
                }
                continue;
            }
            fresh.add(line);
            added = Math.addExact(added, line.amountFen());
        }
        if (!fresh.isEmpty() && status == AdmissionStatus.DISCHARGED) {
            throw new BusinessRuleViolation(ErrorCode.ADMISSION_SETTLED);
        }
        if (totalFeesFen + added > MAX_TOTAL_FEN) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT, "lines",
                    "An admission's fees total at most " + MAX_TOTAL_FEN + " fen.");
        }
        long before = cmd.depositFen() - totalFeesFen;
        long total = totalFeesFen;
        for (FeeLine line : fresh) {
            total += line.amountFen();
            apply(new AdmissionFeePosted(admissionId, patientId, line, total, cmd.actor()));
        }
        long after = cmd.depositFen() - total;
        if (!fresh.isEmpty() && after < cmd.lowDepositFen() && (before >= cmd.lowDepositFen() || warnings == 0)) {
            apply(new LowDepositWarned(admissionId, patientId, after, cmd.lowDepositFen(), warnings + 1));
        }
        return new FeePosting(admissionId, fresh.size(), cmd.lines().size() - fresh.size(), total,
                cmd.depositFen(), after);
    }

    @CommandHandler
    public void handle(StartDischarge cmd) {
        if (status == AdmissionStatus.ADMITTED) {
            apply(new DischargeStarted(admissionId, patientId, cmd.dischargedAt(), cmd.actor()));
        }
    }

    @CommandHandler
    public SettlementTerms handle(DescribeSettlement cmd) {
        return settlement;
    }

    /** Decides the settlement once; a repeat answers the first decision and changes nothing. */
    @CommandHandler
    public SettlementTerms handle(SettleFees cmd) {
        if (settlement != null) {
            return settlement;
        }
        if (cmd.depositFen() < 0 || cmd.refundableFen() < 0) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT);
        }
        if (status == AdmissionStatus.ADMITTED) {
            apply(new DischargeStarted(admissionId, patientId, cmd.at(), cmd.actor()));
        }
        SettlementTerms terms = SettlementTerms.decide(admissionId, patientId, totalFeesFen, cmd.depositFen(),
                cmd.refundableFen(), cmd.withdrawalId(), cmd.billId(), cmd.at());
        apply(new AdmissionSettled(admissionId, patientId, terms.totalFeesFen(), terms.depositFen(),
                terms.chargedFen(), terms.refundFen(), terms.leftOnDepositFen(), terms.shortfallFen(),
                terms.withdrawalId(), terms.billId(), cmd.actor()));
        return settlement;
    }

    private static void requireValid(FeeLine line) {
        if (line == null || line.lineNo() == null || line.lineNo().isBlank() || line.feeDate() == null
                || line.category() == null || line.itemName() == null || line.itemName().isBlank()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "lines",
                    "A fee line names its number, date, category and item.");
        }
        if (line.quantity() <= 0 || line.unitPriceFen() < 0
                || line.amountFen() != (long) line.quantity() * line.unitPriceFen()) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT, "lines",
                    "Line " + line.lineNo() + ": quantity at least 1, unit price at least 0, amount = quantity × price.");
        }
    }

    @EventSourcingHandler
    void on(PatientAdmitted event) {
        admissionId = event.admissionId();
        patientId = event.patientId();
        fingerprint = event.fingerprint();
        status = AdmissionStatus.ADMITTED;
    }

    @EventSourcingHandler
    void on(AdmissionFeePosted event) {
        lines.put(event.line().lineNo(), event.line());
        totalFeesFen = event.totalFeesFen();
    }

    @EventSourcingHandler
    void on(LowDepositWarned event) {
        warnings = event.warning();
    }

    @EventSourcingHandler
    void on(DischargeStarted event) {
        status = AdmissionStatus.DISCHARGING;
    }

    @EventSourcingHandler
    void on(AdmissionSettled event, @org.axonframework.eventhandling.Timestamp Instant at) {
        status = AdmissionStatus.DISCHARGED;
        settlement = new SettlementTerms(event.admissionId(), event.patientId(), event.totalFeesFen(),
                event.depositFen(), event.chargedFen(), event.refundFen(), event.leftOnDepositFen(),
                event.shortfallFen(), event.withdrawalId(), event.billId(), at);
    }
}
