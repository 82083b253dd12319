package com.yihuiliao.command.money;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.CreditAccount;
import com.yihuiliao.api.account.MovementCause;
import com.yihuiliao.api.payment.BalancePaymentResult;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundResult;
import com.yihuiliao.api.refund.RefundStatus;
import com.yihuiliao.command.account.Account;
import com.yihuiliao.command.account.DebitAccount;
import com.yihuiliao.command.account.QuoteBalance;
import com.yihuiliao.command.appointment.Appointment;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.lookup.StoredAggregates;
import com.yihuiliao.command.payment.CreatePayment;
import com.yihuiliao.command.payment.Payment;
import com.yihuiliao.command.payment.RecordPaymentSucceeded;
import com.yihuiliao.command.payment.RefundReservation;
import com.yihuiliao.command.payment.RepeatBalancePayment;
import com.yihuiliao.command.payment.ReserveRefund;
import com.yihuiliao.command.payment.ReuseWeChatOrder;
import com.yihuiliao.command.payment.SettleRefundReservation;
import com.yihuiliao.command.refund.DescribeRefund;
import com.yihuiliao.command.refund.RecordRefundSucceeded;
import com.yihuiliao.command.refund.Refund;
import com.yihuiliao.command.refund.RequestRefund;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.NoArgumentConstructorCreationPolicyAggregateFactory;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * The steps the money room's handlers share, each inside the caller's unit of work: pay from the balance,
 * open (or find again) a WeChat order, refund to the channel paid by. A library, never a handler: each
 * handler takes its own aggregate first (appointment, bill or top-up), then these take payment → refund →
 * account, the one order every money flow keeps, so two flows never wait for each other in a circle.
 */
@Component
class MoneySteps {

    private static final NoArgumentConstructorCreationPolicyAggregateFactory<Account> NEW_ACCOUNT =
            new NoArgumentConstructorCreationPolicyAggregateFactory<>(Account.class);

    private final Repository<Payment> payments;
    private final Repository<Refund> refunds;
    private final Repository<Account> accounts;
    private final Repository<Appointment> appointments;
    private final StoredAggregates storedAggregates;

    MoneySteps(@Qualifier("paymentRepository") Repository<Payment> payments,
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

    // --- paying ---------------------------------------------------------------------------------

    /** Creates a balance payment, debits the outpatient balance (never below zero) and records the success. */
    BalancePaymentResult payFromBalance(String outTradeNo, PaymentPurpose purpose, String referenceId,
                                        String patientId, long amountFen) throws Exception {
        Aggregate<Payment> payment = payments.newInstance(() -> new Payment(
                new CreatePayment(outTradeNo, purpose, referenceId, patientId, amountFen, PaymentChannel.BALANCE)));
        Aggregate<Account> account = account(AccountKind.OUTPATIENT.accountOf(patientId));
        if (account == null) {
            throw insufficient(amountFen, 0);
        }
        long balanceAfter = (Long) account.handle(asCommandMessage(DebitAccount.of(patientId, AccountKind.OUTPATIENT,
                amountFen, MovementCause.payment(outTradeNo))));
        payment.handle(asCommandMessage(new RecordPaymentSucceeded(outTradeNo, balanceTransaction(outTradeNo),
                amountFen)));
        return new BalancePaymentResult(outTradeNo, referenceId, amountFen, balanceAfter);
    }

    /** A balance payment asked for again: answered as the first time; another payment under its number is a conflict. */
    BalancePaymentResult repeatedBalancePayment(String outTradeNo, String referenceId, long amountFen) throws Exception {
        String patientId = (String) payments.load(outTradeNo).handle(asCommandMessage(
                new RepeatBalancePayment(outTradeNo, referenceId, amountFen)));
        return new BalancePaymentResult(outTradeNo, referenceId, amountFen,
                balance(AccountKind.OUTPATIENT.accountOf(patientId)));
    }

    /** The outpatient balance covers the amount, or INSUFFICIENT_BALANCE as the debit itself would answer. */
    void requireBalance(String patientId, long amountFen) throws Exception {
        long balance = balance(AccountKind.OUTPATIENT.accountOf(patientId));
        if (balance < amountFen) {
            throw insufficient(amountFen, balance);
        }
    }

    private static BusinessRuleViolation insufficient(long neededFen, long availableFen) {
        return new BusinessRuleViolation(ErrorCode.INSUFFICIENT_BALANCE,
                ProblemMessage.of("balance.insufficient", "neededFen", neededFen, "availableFen", availableFen));
    }

    /** The balance channel's own transaction id for an order. */
    static String balanceTransaction(String outTradeNo) {
        return "BALANCE-" + outTradeNo;
    }

    /**
     * A WeChat order for any purpose: created, or — for a retried request — the same open order found again.
     * An order already paid or closed cannot be paid again.
     */
    void openWeChatOrder(String outTradeNo, PaymentPurpose purpose, String referenceId, String patientId,
                         long amountFen) throws Exception {
        if (!storedAggregates.exists(outTradeNo)) {
            payments.newInstance(() -> new Payment(new CreatePayment(outTradeNo, purpose, referenceId, patientId,
                    amountFen, PaymentChannel.WECHAT)));
            return;
        }
        payments.load(outTradeNo).handle(asCommandMessage(new ReuseWeChatOrder(outTradeNo, referenceId, amountFen)));
    }

    // --- refunding ------------------------------------------------------------------------------

    /**
     * The one refund rule: the amount is reserved on the payment (refunded + reserved ≤ paid), then it goes
     * back the way it came. Balance and counter payments are refunded here and now; WeChat payments get a
     * refund requested that the WeChat Pay reactions apply for, so it answers REQUESTED. The reason is a
     * code; {@code note} is what a person gave as the reason (or null).
     */
    RefundResult refundToOriginalChannel(Aggregate<Payment> payment, String outTradeNo, String outRefundNo,
                                         long amountFen, RefundReason reason, String note, String operator)
            throws Exception {
        RefundReservation reserved = (RefundReservation) payment.handle(asCommandMessage(
                new ReserveRefund(outTradeNo, outRefundNo, amountFen)));
        return refundReserved(payment, reserved, outTradeNo, outRefundNo, reason, note, operator);
    }

    /** The refund of an amount the payment has just reserved. */
    RefundResult refundReserved(Aggregate<Payment> payment, RefundReservation reserved, String outTradeNo,
                                String outRefundNo, RefundReason reason, String note, String operator)
            throws Exception {
        long amountFen = reserved.amountFen();
        if (reserved.channel() == PaymentChannel.WECHAT) {
            refunds.newInstance(() -> new Refund(new RequestRefund(outRefundNo, outTradeNo, amountFen, reason, note,
                    operator, PaymentChannel.WECHAT)));
            return new RefundResult(outRefundNo, outTradeNo, amountFen, RefundStatus.REQUESTED);
        }
        Aggregate<Refund> refund = refunds.newInstance(() -> new Refund(new RequestRefund(outRefundNo, outTradeNo,
                amountFen, reason, note, operator, PaymentChannel.BALANCE)));
        String accountId = AccountKind.OUTPATIENT.accountOf(reserved.patientId());
        // cash paid at the counter comes back to the outpatient balance (withdrawn at the counter), which
        // this credit opens if the patient never had one
        Aggregate<Account> account = reserved.channel() == PaymentChannel.COUNTER
                ? accounts.loadOrCreate(accountId, () -> NEW_ACCOUNT.create(accountId))
                : account(accountId);
        if (account == null) {
            throw new IllegalStateException("The account that paid " + outTradeNo + " is missing");
        }
        long balanceAfter = (Long) account.handle(asCommandMessage(CreditAccount.of(reserved.patientId(),
                AccountKind.OUTPATIENT, amountFen, MovementCause.refund(outRefundNo))));
        RefundResult result = (RefundResult) refund.handle(asCommandMessage(
                RecordRefundSucceeded.toBalance(outRefundNo, balanceAfter)));
        payment.handle(asCommandMessage(new SettleRefundReservation(outTradeNo, outRefundNo)));
        return result;
    }

    /** The refund already made under this number (null if none); the same number for another refund is a conflict. */
    RefundResult existingRefund(String outRefundNo, String outTradeNo, long amountFen) throws Exception {
        RefundResult earlier = describeRefund(outRefundNo);
        if (earlier != null && (!outTradeNo.equals(earlier.outTradeNo()) || earlier.amountFen() != amountFen)) {
            throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                    "The refund number " + outRefundNo + " was already used for another refund.");
        }
        return earlier;
    }

    /** The refund under this number as it now stands, or null when there is none. */
    RefundResult describeRefund(String outRefundNo) throws Exception {
        Aggregate<Refund> refund = refund(outRefundNo);
        return refund == null ? null : (RefundResult) refund.handle(asCommandMessage(new DescribeRefund(outRefundNo)));
    }

    // --- loading --------------------------------------------------------------------------------

    /** The appointment, taken in this unit of work (before any payment); null when there is none. */
    Aggregate<Appointment> appointment(String appointmentId) {
        return storedAggregates.exists(appointmentId) ? appointments.load(appointmentId) : null;
    }

    /** The payment, taken in this unit of work; null when there is no such order. */
    Aggregate<Payment> payment(String outTradeNo) {
        return PaymentIds.isValid(outTradeNo) && storedAggregates.exists(outTradeNo) ? payments.load(outTradeNo) : null;
    }

    Aggregate<Refund> refund(String outRefundNo) {
        return storedAggregates.exists(outRefundNo) ? refunds.load(outRefundNo) : null;
    }

    /** Null for an account never credited (checked first: a failed load is logged as a warning). */
    Aggregate<Account> account(String accountId) {
        return storedAggregates.exists(accountId) ? accounts.load(accountId) : null;
    }

    /** The account, taken in this unit of work; opened by the credit that follows if it never was. */
    Aggregate<Account> accountOrNew(String accountId) throws Exception {
        return accounts.loadOrCreate(accountId, () -> NEW_ACCOUNT.create(accountId));
    }

    /** The account's balance now (0 for one never credited). */
    long balance(String accountId) throws Exception {
        Aggregate<Account> account = account(accountId);
        return account == null ? 0 : (Long) account.handle(asCommandMessage(new QuoteBalance(accountId)));
    }

    boolean exists(String aggregateId) {
        return storedAggregates.exists(aggregateId);
    }
}
