package com.yihuiliao.command.money;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.MovementCause;
import com.yihuiliao.api.bill.BillItem;
import com.yihuiliao.api.bill.BillItemCategory;
import com.yihuiliao.api.bill.IssueBill;
import com.yihuiliao.api.inpatient.AdmissionSettlement;
import com.yihuiliao.api.inpatient.FeePosting;
import com.yihuiliao.api.inpatient.RecordAdmissionFees;
import com.yihuiliao.api.inpatient.SettleAdmission;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundResult;
import com.yihuiliao.command.account.DebitAccount;
import com.yihuiliao.command.bill.Bill;
import com.yihuiliao.command.bill.BillIds;
import com.yihuiliao.command.inpatient.Admission;
import com.yihuiliao.command.inpatient.AdmissionFacts;
import com.yihuiliao.command.inpatient.Admissions;
import com.yihuiliao.command.inpatient.DescribeSettlement;
import com.yihuiliao.command.inpatient.InpatientSettings;
import com.yihuiliao.command.inpatient.QuoteAdmission;
import com.yihuiliao.command.inpatient.RecordFees;
import com.yihuiliao.command.inpatient.SettleFees;
import com.yihuiliao.command.inpatient.SettlementTerms;
import com.yihuiliao.command.topup.TopUpIds;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * An admission's money, each command one unit of work and one database transaction, the admission taken first,
 * then top-ups → payments → refunds → account, and last the shortfall's new bill. Fee lines move no money: the
 * deposit is read here, in the same unit of work, so the admission can tell when it runs low. The settlement
 * (出院结算) charges the fees against the inpatient deposit, sends the rest back through the withdrawal path
 * ({@link TopUpPayments#withdraw}) and bills a shortfall — decided once by the admission, so a second request,
 * at the same moment or later, answers the first settlement and moves nothing.
 */
@Component
class AdmissionPayments {

    private static final Logger log = LoggerFactory.getLogger(AdmissionPayments.class);
    private static final AccountKind DEPOSIT = AccountKind.INPATIENT;

    private final MoneySteps steps;
    private final TopUpPayments topUps;
    private final Repository<Admission> admissions;
    private final Repository<Bill> bills;
    private final InpatientSettings settings;

    AdmissionPayments(MoneySteps steps, TopUpPayments topUps,
                      @Qualifier("admissionRepository") Repository<Admission> admissions,
                      @Qualifier("billRepository") Repository<Bill> bills, InpatientSettings settings) {
        this.steps = steps;
        this.topUps = topUps;
        this.admissions = admissions;
        this.bills = bills;
        this.settings = settings;
    }

    @CommandHandler
    public FeePosting handle(RecordAdmissionFees cmd) throws Exception {
        Aggregate<Admission> admission = admission(cmd.admissionId());
        AdmissionFacts facts = (AdmissionFacts) admission.handle(asCommandMessage(new QuoteAdmission(cmd.admissionId())));
        long deposit = steps.balance(DEPOSIT.accountOf(facts.patientId()));
        return (FeePosting) admission.handle(asCommandMessage(new RecordFees(cmd.admissionId(), cmd.lines(), deposit,
                settings.lowDepositFen(), cmd.actor())));
    }

    @CommandHandler
    public AdmissionSettlement handle(SettleAdmission cmd) throws Exception {
        Aggregate<Admission> admission = admission(cmd.admissionId());
        SettlementTerms earlier = (SettlementTerms) admission.handle(asCommandMessage(
                new DescribeSettlement(cmd.admissionId())));
        if (earlier != null) {
            return settlement(earlier, earlier.withdrawalId() == null ? List.of()
                    : topUps.withdrawalRefunds(earlier.withdrawalId()), true);
        }
        AdmissionFacts facts = (AdmissionFacts) admission.handle(asCommandMessage(new QuoteAdmission(cmd.admissionId())));
        String patientId = facts.patientId();
        Instant now = GenericEventMessage.clock.instant();
        // the top-ups first (every money flow's order), all they could take back; the deposit after them
        List<TopUpPayments.Portion> plan = topUps.plan(patientId, DEPOSIT, Long.MAX_VALUE, now);
        long deposit = steps.balance(DEPOSIT.accountOf(patientId));
        String withdrawalId = TopUpIds.withdrawalFor("settlement:" + cmd.admissionId());
        String billId = BillIds.billIdOf(billNo(cmd.admissionId()));
        SettlementTerms terms = (SettlementTerms) admission.handle(asCommandMessage(new SettleFees(cmd.admissionId(),
                deposit, TopUpPayments.planned(plan), withdrawalId, billId, now, cmd.actor())));
        if (terms.chargedFen() > 0) {
            steps.account(DEPOSIT.accountOf(patientId)).handle(asCommandMessage(DebitAccount.of(patientId, DEPOSIT,
                    terms.chargedFen(), MovementCause.inpatientSettlement(cmd.admissionId()))));
        }
        List<RefundResult> refunds = terms.refundFen() > 0
                ? topUps.withdraw(plan, withdrawalId, patientId, DEPOSIT, terms.refundFen(),
                        RefundReason.DISCHARGE_SETTLEMENT, cmd.actor(), now)
                : List.of();
        if (terms.shortfallFen() > 0) {
            bills.newInstance(() -> new Bill(new IssueBill(billId, billNo(cmd.admissionId()), patientId,
                    List.of(BillItem.of(1, "INPATIENT", "住院费用结算补缴", BillItemCategory.OTHER, 1,
                            terms.shortfallFen())), null, null, cmd.actor())));
        }
        log.info("Admission {} settled: fees {}, deposit {}, charged {}, refunded {}, left on deposit {}, billed {}",
                cmd.admissionId(), terms.totalFeesFen(), terms.depositFen(), terms.chargedFen(), terms.refundFen(),
                terms.leftOnDepositFen(), terms.shortfallFen());
        return settlement(terms, refunds, false);
    }

    /** The bill number a shortfall is issued under: one per admission. */
    private static String billNo(String admissionId) {
        return "SETTLE-" + admissionId;
    }

    private static AdmissionSettlement settlement(SettlementTerms t, List<RefundResult> refunds, boolean repeated) {
        return new AdmissionSettlement(t.admissionId(), t.patientId(), t.totalFeesFen(), t.depositFen(),
                t.chargedFen(), t.refundFen(), t.leftOnDepositFen(), t.shortfallFen(), t.billId(), refunds,
                t.settledAt(), repeated);
    }

    private Aggregate<Admission> admission(String admissionId) {
        if (!Admissions.isAdmissionId(admissionId) || !steps.exists(admissionId)) {
            throw new BusinessRuleViolation(ErrorCode.ADMISSION_NOT_FOUND);
        }
        return admissions.load(admissionId);
    }
}
