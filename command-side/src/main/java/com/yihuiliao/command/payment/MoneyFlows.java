package com.yihuiliao.command.payment;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.CreditAccount;
import com.yihuiliao.api.account.DebitAccount;
import com.yihuiliao.api.account.MovementCause;
import com.yihuiliao.api.appointment.AppointmentConfirmed;
import com.yihuiliao.api.appointment.AppointmentStatus;
import com.yihuiliao.api.appointment.ConfirmAppointment;
import com.yihuiliao.api.payment.BalancePaymentResult;
import com.yihuiliao.api.payment.CheckAppointmentBalancePayment;
import com.yihuiliao.api.payment.CreatePayment;
import com.yihuiliao.api.payment.PayAppointmentWithBalance;
import com.yihuiliao.api.payment.PayFromBalance;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentStatus;
import com.yihuiliao.api.payment.RecordPaymentSucceeded;
import com.yihuiliao.api.payment.RefundPayment;
import com.yihuiliao.api.payment.RefundCancelledAppointment;
import com.yihuiliao.api.payment.ReserveRefund;
import com.yihuiliao.api.payment.SettleRefundReservation;
import com.yihuiliao.api.refund.RecordRefundSucceeded;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundResult;
import com.yihuiliao.api.refund.RequestRefund;
import com.yihuiliao.command.account.Account;
import com.yihuiliao.command.appointment.Appointment;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.lookup.StoredAggregates;
import com.yihuiliao.command.refund.Refund;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.NoArgumentConstructorCreationPolicyAggregateFactory;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The balance channel's flows, and the one refund path. Each touches several aggregates in one unit
 * of work and one database transaction, like the booking handler: it all commits, or none of it.
 * Aggregates are always taken in the same order — appointment / bill / top-up, payment, refund,
 * account — so two flows never wait for each other in a circle.
 * <p>
 * Other features' command handlers (bills, top-ups) call the public methods from inside their own
 * unit of work, after taking their own aggregate.
 */
@Component
public class MoneyFlows {

    private static final Logger log = LoggerFactory.getLogger(MoneyFlows.class);
    private static final NoArgumentConstructorCreationPolicyAggregateFactory<Account> NEW_ACCOUNT =
            new NoArgumentConstructorCreationPolicyAggregateFactory<>(Account.class);

    private final Repository<Payment> payments;
    private final Repository<Refund> refunds;
    private final Repository<Account> accounts;
    private final Repository<Appointment> appointments;
    private final StoredAggregates storedAggregates;

    MoneyFlows(@Qualifier("paymentRepository") Repository<Payment> payments,
               @Qualifier("refundRepository") Repository<Refund> refunds,
               @Qualifier("accountRepository") Repository<Account> accounts,
               @Qualifier("appointmentRepository") Repository<Appointment> appointments,
               StoredAggregates storedAggregates) {
        this.payments = payments;
        this.refunds = refunds;
        this.accounts = accounts;
        this.appointments = appointments;
        this.storedAggregates = storedAggregates;
    }

    // --- paying from the balance ----------------------------------------------------------------

    @CommandHandler
    public BalancePaymentResult handle(PayFromBalance cmd) throws Exception {
        PaymentIds.requireValid(cmd.outTradeNo());
        if (storedAggregates.exists(cmd.outTradeNo())) {
            return repeatedPayment(cmd.outTradeNo(), cmd.referenceId(), cmd.amountFen());
        }
        return payFromBalance(cmd.outTradeNo(), cmd.purpose(), cmd.referenceId(), cmd.patientId(), cmd.amountFen());
    }

    /** The fee of a held appointment, paid from the outpatient balance, and the appointment confirmed. */
    @CommandHandler
    public BalancePaymentResult handle(PayAppointmentWithBalance cmd) throws Exception {
        Aggregate<Appointment> appointment = appointmentPayableByBalance(cmd.appointmentId(), cmd.patientId());
        long fee = appointment.invoke(Appointment::feeFen);
        String paidBy = earlierBalancePayment(appointment);
        if (paidBy != null) {
            // a retried request: already paid, answer as the first time
            return repeatedPayment(paidBy, cmd.appointmentId(), fee);
        }
        String outTradeNo = PaymentIds.next(PaymentPurpose.REGISTRATION.prefix());
        BalancePaymentResult paid = payFromBalance(outTradeNo, PaymentPurpose.REGISTRATION, cmd.appointmentId(),
                cmd.patientId(), fee);
        appointment.handle(asCommandMessage(new ConfirmAppointment(cmd.appointmentId(), outTradeNo)));
        return paid;
    }

    /**
     * Every refusal {@link PayAppointmentWithBalance} would meet, found without writing anything: the
     * controller asks this before it closes an open WeChat order, which cannot be reopened.
     */
    @CommandHandler
    public void handle(CheckAppointmentBalancePayment cmd) {
        Aggregate<Appointment> appointment = appointmentPayableByBalance(cmd.appointmentId(), cmd.patientId());
        if (earlierBalancePayment(appointment) == null) {
            requireBalance(cmd.patientId(), appointment.invoke(Appointment::feeFen));
        }
    }

    /** The caller's appointment, HELD or already paid from the balance (a retry); anything else is refused. */
    private Aggregate<Appointment> appointmentPayableByBalance(String appointmentId, String patientId) {
        Aggregate<Appointment> appointment = loadAppointment(appointmentId);
        if (appointment == null || !patientId.equals(appointment.invoke(Appointment::patientId))) {
            throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_FOUND);
        }
        AppointmentStatus status = appointment.invoke(Appointment::status);
        String paidBy = appointment.invoke(Appointment::paymentReference);
        if (status == AppointmentStatus.CONFIRMED && paidBy != null && !AppointmentConfirmed.FREE_OF_CHARGE.equals(paidBy)
                && storedAggregates.exists(paidBy) && payments.load(paidBy).invoke(Payment::channel) == PaymentChannel.WECHAT) {
            throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_CONFIRMABLE,
                    "The appointment is already paid with WeChat Pay.");
        }
        if (status != AppointmentStatus.HELD && earlierBalancePayment(appointment) == null) {
            throw new BusinessRuleViolation(ErrorCode.APPOINTMENT_NOT_CONFIRMABLE,
                    "The appointment is " + status.name().toLowerCase() + " and can no longer be paid.");
        }
        return appointment;
    }

    /** The payment that confirmed the appointment (then not by WeChat Pay: refused before), or null. */
    private String earlierBalancePayment(Aggregate<Appointment> appointment) {
        String paidBy = appointment.invoke(Appointment::paymentReference);
        return appointment.invoke(Appointment::status) == AppointmentStatus.CONFIRMED && paidBy != null
                && !AppointmentConfirmed.FREE_OF_CHARGE.equals(paidBy) && storedAggregates.exists(paidBy) ? paidBy : null;
    }

    /** The outpatient balance covers the amount, or INSUFFICIENT_BALANCE as the debit itself would answer. */
    private void requireBalance(String patientId, long amountFen) {
        Aggregate<Account> account = loadAccount(AccountKind.OUTPATIENT.accountOf(patientId));
        long balance = account == null ? 0 : account.invoke(Account::balanceFen);
        if (balance < amountFen) {
            throw new BusinessRuleViolation(ErrorCode.INSUFFICIENT_BALANCE,
                    ProblemMessage.of("balance.insufficient", "neededFen", amountFen, "availableFen", balance));
        }
    }

    /**
     * A WeChat order for any purpose, in the caller's unit of work: created, or — for a retried request —
     * the same open order found again. An order already paid or closed cannot be paid again.
     */
    public Aggregate<Payment> openWeChatOrder(String outTradeNo, PaymentPurpose purpose, String referenceId,
                                              String patientId, long amountFen) throws Exception {
        if (!storedAggregates.exists(outTradeNo)) {
            return payments.newInstance(() -> new Payment(new CreatePayment(outTradeNo, purpose, referenceId,
                    patientId, amountFen, PaymentChannel.WECHAT)));
        }
        Aggregate<Payment> payment = payments.load(outTradeNo);
        if (payment.invoke(Payment::channel) != PaymentChannel.WECHAT
                || !referenceId.equals(payment.invoke(Payment::referenceId))
                || payment.invoke(Payment::amountFen) != amountFen) {
            throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                    "The order " + outTradeNo + " already exists for another payment.");
        }
        if (payment.invoke(Payment::status) != PaymentStatus.CREATED) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_PAYABLE,
                    "The order " + outTradeNo + " is " + payment.invoke(Payment::status).name().toLowerCase() + ".");
        }
        return payment;
    }

    /** Creates a balance payment, debits the outpatient balance (never below zero) and records the success. */
    public BalancePaymentResult payFromBalance(String outTradeNo, PaymentPurpose purpose, String referenceId,
                                                String patientId, long amountFen) throws Exception {
        Aggregate<Payment> payment = payments.newInstance(() -> new Payment(
                new CreatePayment(outTradeNo, purpose, referenceId, patientId, amountFen, PaymentChannel.BALANCE)));
        Aggregate<Account> account = loadAccount(AccountKind.OUTPATIENT.accountOf(patientId));
        if (account == null) {
            throw new BusinessRuleViolation(ErrorCode.INSUFFICIENT_BALANCE,
                    ProblemMessage.of("balance.insufficient", "neededFen", amountFen, "availableFen", 0L));
        }
        long balanceAfter = (Long) account.handle(asCommandMessage(DebitAccount.of(patientId, AccountKind.OUTPATIENT,
                amountFen, MovementCause.payment(outTradeNo))));
        payment.handle(asCommandMessage(new RecordPaymentSucceeded(outTradeNo, balanceTransaction(outTradeNo),
                amountFen)));
        return new BalancePaymentResult(outTradeNo, referenceId, amountFen, balanceAfter);
    }

    private BalancePaymentResult repeatedPayment(String outTradeNo, String referenceId, long amountFen) {
        Aggregate<Payment> payment = payments.load(outTradeNo);
        if (payment.invoke(Payment::channel) != PaymentChannel.BALANCE
                || payment.invoke(Payment::status) != PaymentStatus.PAID
                || !payment.invoke(Payment::referenceId).equals(referenceId)
                || payment.invoke(Payment::amountFen) != amountFen) {
            throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                    "The order " + outTradeNo + " already exists for another payment.");
        }
        Aggregate<Account> account = loadAccount(AccountKind.OUTPATIENT.accountOf(payment.invoke(Payment::patientId)));
        return new BalancePaymentResult(outTradeNo, referenceId, amountFen,
                account == null ? 0 : account.invoke(Account::balanceFen));
    }

    /** The balance channel's own transaction id for an order. */
    static String balanceTransaction(String outTradeNo) {
        return "BALANCE-" + outTradeNo;
    }

    // --- refunds --------------------------------------------------------------------------------

    /** Staff refund part of a payment, to the channel it was paid by (the balance, or WeChat Pay). */
    @CommandHandler
    public RefundResult handle(RefundPayment cmd) throws Exception {
        PaymentIds.requireValid(cmd.outRefundNo());
        if (cmd.amountFen() <= 0) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT);
        }
        Aggregate<Payment> payment = loadPayment(cmd.outTradeNo());
        if (payment == null) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_FOUND);
        }
        if (payment.invoke(Payment::purpose) != PaymentPurpose.REGISTRATION) {
            // a bill keeps per-line limits and a top-up backs a balance: their refunds go through them
            throw new BusinessRuleViolation(ErrorCode.REFUND_THROUGH_ITS_OWNER);
        }
        RefundResult earlier = existingRefund(cmd.outRefundNo(), cmd.outTradeNo(), cmd.amountFen());
        if (earlier != null) {
            return earlier;
        }
        return refundToOriginalChannel(payment, cmd.outTradeNo(), cmd.outRefundNo(), cmd.amountFen(),
                RefundReason.STAFF_REFUND, cmd.reason(), cmd.operator());
    }

    /**
     * A confirmed appointment was cancelled: what remains refundable of its payment goes
     * back the way it came (the balance, or WeChat Pay). The refund number follows from the order,
     * so a repeat refunds nothing more.
     * Answers null when there is nothing to refund.
     */
    @CommandHandler
    public RefundResult handle(RefundCancelledAppointment cmd) throws Exception {
        Aggregate<Appointment> appointment = loadAppointment(cmd.appointmentId());
        String outTradeNo = appointment == null ? null : appointment.invoke(Appointment::paymentReference);
        if (outTradeNo == null || AppointmentConfirmed.FREE_OF_CHARGE.equals(outTradeNo)) {
            return null;
        }
        Aggregate<Payment> payment = loadPayment(outTradeNo);
        if (payment == null || !cmd.appointmentId().equals(payment.invoke(Payment::referenceId))) {
            log.warn("Appointment {} was confirmed by {}, which is no payment of it: nothing refunded",
                    cmd.appointmentId(), outTradeNo);
            return null;
        }
        String outRefundNo = cancellationRefundNo(outTradeNo);
        Aggregate<Refund> earlier = loadRefund(outRefundNo);
        if (earlier != null) {
            return result(outRefundNo, earlier);
        }
        long refundable = payment.invoke(Payment::refundable);
        if (refundable <= 0) {
            return null;
        }
        return refundToOriginalChannel(payment, outTradeNo, outRefundNo, refundable, RefundReason.APPOINTMENT_CANCELLED,
                cmd.note(), "system");
    }

    /** "RC" + the order number (its last 30 characters, so it stays within 32). */
    static String cancellationRefundNo(String outTradeNo) {
        return PaymentIds.refundNoOf("RC", outTradeNo);
    }

    /**
     * Balance payments are refunded here and now; WeChat payments get a refund requested (the
     * late-payment path) that {@link PaymentProcess} applies for at WeChat Pay, so it answers REQUESTED.
     * The reason is a code; {@code note} is what a person gave as the reason (or null).
     */
    public RefundResult refundToOriginalChannel(Aggregate<Payment> payment, String outTradeNo, String outRefundNo,
                                                long amountFen, RefundReason reason, String note, String operator)
            throws Exception {
        if (payment.invoke(Payment::channel) == PaymentChannel.WECHAT) {
            return result(outRefundNo, WeChatFlows.requestWeChatRefund(payment, refunds, outTradeNo, outRefundNo,
                    amountFen, reason, note, operator));
        }
        return refundToBalance(payment, outTradeNo, outRefundNo, amountFen, reason, note, operator);
    }

    private RefundResult refundToBalance(Aggregate<Payment> payment, String outTradeNo, String outRefundNo,
                                         long amountFen, RefundReason reason, String note, String operator)
            throws Exception {
        payment.handle(asCommandMessage(new ReserveRefund(outTradeNo, outRefundNo, amountFen)));
        Aggregate<Refund> refund = refunds.newInstance(() -> new Refund(new RequestRefund(outRefundNo, outTradeNo,
                amountFen, reason, note, operator, PaymentChannel.BALANCE)));
        String patientId = payment.invoke(Payment::patientId);
        String accountId = AccountKind.OUTPATIENT.accountOf(patientId);
        // cash paid at the counter comes back to the outpatient balance (withdrawn at the counter), which
        // this credit opens if the patient never had one
        Aggregate<Account> account = payment.invoke(Payment::channel) == PaymentChannel.COUNTER
                ? accounts.loadOrCreate(accountId, () -> NEW_ACCOUNT.create(accountId))
                : loadAccount(accountId);
        if (account == null) {
            throw new IllegalStateException("The account that paid " + outTradeNo + " is missing");
        }
        long balanceAfter = (Long) account.handle(asCommandMessage(CreditAccount.of(patientId, AccountKind.OUTPATIENT,
                amountFen, MovementCause.refund(outRefundNo))));
        refund.handle(asCommandMessage(RecordRefundSucceeded.toBalance(outRefundNo, balanceAfter)));
        payment.handle(asCommandMessage(new SettleRefundReservation(outTradeNo, outRefundNo)));
        return result(outRefundNo, refund);
    }

    /** The refund already made under this number (null if none); the same number for another refund is a conflict. */
    public RefundResult existingRefund(String outRefundNo, String outTradeNo, long amountFen) {
        Aggregate<Refund> refund = loadRefund(outRefundNo);
        if (refund == null) {
            return null;
        }
        if (!outTradeNo.equals(refund.invoke(Refund::outTradeNo)) || refund.invoke(Refund::amountFen) != amountFen) {
            throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                    "The refund number " + outRefundNo + " was already used for another refund.");
        }
        return result(outRefundNo, refund);
    }

    private static RefundResult result(String outRefundNo, Aggregate<Refund> refund) {
        return new RefundResult(outRefundNo, refund.invoke(Refund::outTradeNo), refund.invoke(Refund::amountFen),
                refund.invoke(Refund::status));
    }

    // --- loading --------------------------------------------------------------------------------


    /** The payment, taken in this unit of work; null when there is no such order. */
    public Aggregate<Payment> loadPayment(String outTradeNo) {
        return PaymentIds.isValid(outTradeNo) && storedAggregates.exists(outTradeNo) ? payments.load(outTradeNo) : null;
    }

    private Aggregate<Refund> loadRefund(String outRefundNo) {
        return storedAggregates.exists(outRefundNo) ? refunds.load(outRefundNo) : null;
    }

    /** Null for an account never credited (checked first: a failed load is logged as a warning). */
    private Aggregate<Account> loadAccount(String accountId) {
        return storedAggregates.exists(accountId) ? accounts.load(accountId) : null;
    }

    private Aggregate<Appointment> loadAppointment(String appointmentId) {
        return storedAggregates.exists(appointmentId) ? appointments.load(appointmentId) : null;
    }
}
