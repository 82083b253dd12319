package com.yihuiliao.command.money;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.CreditAccount;
import com.yihuiliao.api.account.MovementCause;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundResult;
import com.yihuiliao.api.topup.CreditPaidTopUp;
import com.yihuiliao.api.topup.RestoreFailedWithdrawal;
import com.yihuiliao.api.topup.StartWeChatTopUp;
import com.yihuiliao.api.topup.TopUpOrder;
import com.yihuiliao.api.topup.WithdrawBalance;
import com.yihuiliao.api.topup.WithdrawalResult;
import com.yihuiliao.command.account.DebitAccount;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.inpatient.OpenAdmissions;
import com.yihuiliao.command.payment.Payment;
import com.yihuiliao.command.topup.CreateTopUp;
import com.yihuiliao.command.topup.QuoteCreditDue;
import com.yihuiliao.command.topup.QuoteOpenPortion;
import com.yihuiliao.command.topup.QuoteRefundable;
import com.yihuiliao.command.topup.RecordTopUpCredited;
import com.yihuiliao.command.topup.RecordTopUpPaid;
import com.yihuiliao.command.topup.RepeatTopUp;
import com.yihuiliao.command.topup.RestoreTopUpRefund;
import com.yihuiliao.command.topup.TopUp;
import com.yihuiliao.command.topup.TopUpFunding;
import com.yihuiliao.command.topup.TopUpIds;
import com.yihuiliao.command.topup.TopUpMoney;
import com.yihuiliao.command.topup.WithdrawFromTopUp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * Top-ups and withdrawals. Each command is one unit of work and one database transaction over several
 * aggregates, taken in the order every money flow takes them: top-up → payment → refund → account.
 * WeChat Pay is never called here: the controller places the order after the top-up is created, and
 * the WeChat Pay reactions apply for the refunds after a withdrawal commits.
 */
@Component
class TopUpPayments {

    private static final Logger log = LoggerFactory.getLogger(TopUpPayments.class);
    /** How long the mini-program may take to pay a top-up's order. */
    static final Duration ORDER_VALIDITY = Duration.ofMinutes(30);

    private final MoneySteps steps;
    private final Repository<TopUp> topUps;
    private final TopUpFunding funding;
    private final OpenAdmissions openAdmissions;

    TopUpPayments(MoneySteps steps, @Qualifier("topUpRepository") Repository<TopUp> topUps, TopUpFunding funding,
                  OpenAdmissions openAdmissions) {
        this.steps = steps;
        this.topUps = topUps;
        this.funding = funding;
        this.openAdmissions = openAdmissions;
    }

    // --- topping up -----------------------------------------------------------------------------

    /** Creates the top-up and opens its WeChat order; the same top-up id again finds the same open order. */
    @CommandHandler
    public TopUpOrder handle(StartWeChatTopUp cmd) throws Exception {
        PaymentIds.requireValid(cmd.topUpId());
        String outTradeNo = TopUpIds.orderNo(cmd.topUpId());
        Instant expiresAt;
        if (steps.exists(cmd.topUpId())) {
            expiresAt = (Instant) topUps.load(cmd.topUpId()).handle(asCommandMessage(new RepeatTopUp(cmd.topUpId(),
                    cmd.patientId(), cmd.kind(), cmd.amountFen(), now())));
        } else {
            TopUp.requireAmountInRange(cmd.amountFen()); // refused here, before Axon logs a failed creation
            expiresAt = now().plus(ORDER_VALIDITY);
            topUps.newInstance(() -> new TopUp(new CreateTopUp(cmd.topUpId(), outTradeNo, cmd.patientId(),
                    cmd.kind(), cmd.amountFen(), expiresAt)));
        }
        steps.openWeChatOrder(outTradeNo, PaymentPurpose.TOPUP, cmd.topUpId(), cmd.patientId(), cmd.amountFen());
        return new TopUpOrder(cmd.topUpId(), outTradeNo, cmd.patientId(), cmd.kind(), cmd.amountFen(), expiresAt);
    }

    /** The order was paid: the top-up is paid and credited, and the account credited (TOPUP:&lt;topUpId&gt;) — once. */
    @CommandHandler
    public void handle(CreditPaidTopUp cmd) throws Exception {
        if (!PaymentIds.isValid(cmd.topUpId()) || !steps.exists(cmd.topUpId())) {
            throw new BusinessRuleViolation(ErrorCode.TOPUP_NOT_FOUND, "No top-up " + cmd.topUpId() + ".");
        }
        Aggregate<TopUp> topUp = topUps.load(cmd.topUpId());
        topUp.handle(asCommandMessage(new RecordTopUpPaid(cmd.topUpId(), cmd.outTradeNo(), cmd.transactionId(),
                cmd.amountFen(), now())));
        TopUpMoney due = (TopUpMoney) topUp.handle(asCommandMessage(new QuoteCreditDue(cmd.topUpId())));
        if (due == null) {
            return; // the payment repeats
        }
        long balance = (Long) steps.accountOrNew(due.kind().accountOf(due.patientId())).handle(asCommandMessage(
                CreditAccount.of(due.patientId(), due.kind(), due.amountFen(), MovementCause.topUp(cmd.topUpId()))));
        topUp.handle(asCommandMessage(new RecordTopUpCredited(cmd.topUpId(), balance)));
    }

    // --- withdrawing ----------------------------------------------------------------------------

    record Portion(String topUpId, Aggregate<TopUp> topUp, String outTradeNo, Aggregate<Payment> payment,
                   long amountFen) {
    }

    /**
     * 余额退款: the account is debited (WITHDRAWAL:&lt;withdrawalId&gt;, never below zero) and the amount is
     * refunded through the account's WeChat top-ups of the last 365 days, newest first, each at most what
     * it still has refundable. More than the balance, or than those top-ups can take back, refuses it all.
     */
    @CommandHandler
    public WithdrawalResult handle(WithdrawBalance cmd) throws Exception {
        PaymentIds.requireValid(cmd.withdrawalId());
        if (cmd.amountFen() <= 0) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT);
        }
        if (steps.exists(TopUpIds.refundNo(cmd.withdrawalId(), 1))) {
            return repeatedWithdrawal(cmd);
        }
        // The deposit pays the stay's fees at the settlement, which refunds the rest itself (withdraw below, not this
        // handler). Asked of the open_admission lookup, written in the admission's own transactions, never of a
        // read model that could lag and let a withdrawal through.
        if (cmd.kind() == AccountKind.INPATIENT && !openAdmissions.openFor(cmd.patientId()).isEmpty()) {
            throw new BusinessRuleViolation(ErrorCode.DEPOSIT_LOCKED_BY_ADMISSION);
        }
        Instant now = now();
        List<Portion> plan = plan(cmd.patientId(), cmd.kind(), cmd.amountFen(), now);
        long remaining = cmd.amountFen() - planned(plan);
        String accountId = cmd.kind().accountOf(cmd.patientId());
        long balance = steps.balance(accountId);
        if (cmd.amountFen() > balance) {
            throw new BusinessRuleViolation(ErrorCode.WITHDRAWAL_EXCEEDS_BALANCE, ProblemMessage.of(
                    "withdrawal.exceeds-balance", "balanceFen", balance, "requestedFen", cmd.amountFen()));
        }
        if (remaining > 0) {
            throw new BusinessRuleViolation(ErrorCode.WITHDRAWAL_EXCEEDS_REFUNDABLE, ProblemMessage.of(
                    "withdrawal.exceeds-refundable", "withdrawableFen", cmd.amountFen() - remaining));
        }
        List<RefundResult> refunds = withdraw(plan, cmd.withdrawalId(), cmd.patientId(), cmd.kind(), cmd.amountFen(),
                RefundReason.WITHDRAWAL, cmd.accountId(), now);
        long balanceAfter = steps.balance(accountId);
        log.info("Withdrawal {}: {} fen of {} {} refunded as {}", cmd.withdrawalId(), cmd.amountFen(),
                cmd.patientId(), cmd.kind(), refunds.stream().map(RefundResult::outRefundNo).toList());
        return new WithdrawalResult(cmd.withdrawalId(), cmd.patientId(), cmd.kind(), cmd.amountFen(), balanceAfter,
                refunds);
    }

    /**
     * What the account's WeChat top-ups of the last 365 days, newest first, can take back of {@code upTo}: each
     * at most what it still has refundable (and its payment too). Loads (so takes) the top-ups and payments.
     */
    List<Portion> plan(String patientId, AccountKind kind, long upTo, Instant now) throws Exception {
        List<Portion> plan = new ArrayList<>();
        long remaining = upTo;
        for (String topUpId : funding.candidates(patientId, kind, now.minus(TopUp.REFUND_WINDOW))) {
            if (remaining == 0) {
                break;
            }
            Aggregate<TopUp> topUp = topUps.load(topUpId);
            TopUpMoney refundable = (TopUpMoney) topUp.handle(asCommandMessage(new QuoteRefundable(topUpId, now)));
            Aggregate<Payment> payment = refundable.amountFen() > 0 ? steps.payment(refundable.outTradeNo()) : null;
            if (payment == null) {
                continue;
            }
            // a top-up's payment is refunded only through its top-up (REFUND_THROUGH_ITS_OWNER): the two agree
            long portion = Math.min(remaining, refundable.amountFen());
            plan.add(new Portion(topUpId, topUp, refundable.outTradeNo(), payment, portion));
            remaining -= portion;
        }
        return plan;
    }

    static long planned(List<Portion> plan) {
        return plan.stream().mapToLong(Portion::amountFen).sum();
    }

    /**
     * Withdraws {@code amountFen} (at most what the plan holds) through the plan's portions in order, each a WeChat
     * refund {@code <withdrawalId>-<n>} for {@code reason}, and debits the account (WITHDRAWAL:&lt;withdrawalId&gt;, never
     * below zero).
     */
    List<RefundResult> withdraw(List<Portion> plan, String withdrawalId, String patientId, AccountKind kind,
                                long amountFen, RefundReason reason, String operator, Instant now) throws Exception {
        List<RefundResult> refunds = new ArrayList<>();
        long remaining = amountFen;
        for (Portion portion : plan) {
            if (remaining == 0) {
                break;
            }
            long amount = Math.min(remaining, portion.amountFen());
            String outRefundNo = TopUpIds.refundNo(withdrawalId, refunds.size() + 1);
            portion.topUp().handle(asCommandMessage(new WithdrawFromTopUp(portion.topUpId(), withdrawalId,
                    outRefundNo, amount, now)));
            refunds.add(steps.refundToOriginalChannel(portion.payment(), portion.outTradeNo(), outRefundNo,
                    amount, reason, null, operator));
            remaining -= amount;
        }
        if (remaining > 0) {
            throw new IllegalStateException("Withdrawal " + withdrawalId + " planned " + remaining + " fen short");
        }
        steps.account(kind.accountOf(patientId)).handle(asCommandMessage(DebitAccount.of(patientId, kind, amountFen,
                MovementCause.withdrawal(withdrawalId))));
        return refunds;
    }

    /** The refunds a withdrawal made, as they are now (none when it made none). */
    List<RefundResult> withdrawalRefunds(String withdrawalId) throws Exception {
        List<RefundResult> refunds = new ArrayList<>();
        for (int n = 1; ; n++) {
            RefundResult refund = steps.describeRefund(TopUpIds.refundNo(withdrawalId, n));
            if (refund == null) {
                return refunds;
            }
            refunds.add(refund);
        }
    }

    /** A retried withdrawal: the refunds it made, as they are now; another amount under the same id is a conflict. */
    private WithdrawalResult repeatedWithdrawal(WithdrawBalance cmd) throws Exception {
        List<RefundResult> refunds = new ArrayList<>();
        long total = 0;
        for (int n = 1; ; n++) {
            RefundResult refund = steps.describeRefund(TopUpIds.refundNo(cmd.withdrawalId(), n));
            if (refund == null) {
                break;
            }
            refunds.add(refund);
            total += refund.amountFen();
        }
        if (total != cmd.amountFen()) {
            throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                    "This request id was already used for a withdrawal of " + total + " fen.");
        }
        return new WithdrawalResult(cmd.withdrawalId(), cmd.patientId(), cmd.kind(), cmd.amountFen(),
                steps.balance(cmd.kind().accountOf(cmd.patientId())), refunds);
    }

    /**
     * A refund failed. If it was a withdrawal's portion (not yet given back), the top-up's refundable amount
     * is restored and the account credited (REFUND_FAILED:&lt;outRefundNo&gt;) — once. Anything else is no concern here.
     */
    @CommandHandler
    public void handle(RestoreFailedWithdrawal cmd) throws Exception {
        String topUpId = TopUpIds.topUpOf(cmd.outTradeNo());
        if (topUpId == null || !PaymentIds.isValid(topUpId) || !steps.exists(topUpId)) {
            return;
        }
        Aggregate<TopUp> topUp = topUps.load(topUpId);
        TopUpMoney open = (TopUpMoney) topUp.handle(asCommandMessage(new QuoteOpenPortion(topUpId, cmd.outRefundNo())));
        long amount = open.amountFen();
        if (amount == 0) {
            return; // restored already, or a refund no withdrawal made (e.g. a staff refund of the payment)
        }
        if (amount != cmd.amountFen()) {
            log.warn("Refund {} failed with {} fen, but withdrew {} fen from top-up {}: restoring {} fen",
                    cmd.outRefundNo(), cmd.amountFen(), amount, topUpId, amount);
        }
        topUp.handle(asCommandMessage(new RestoreTopUpRefund(topUpId, cmd.outRefundNo())));
        steps.accountOrNew(open.kind().accountOf(open.patientId())).handle(asCommandMessage(CreditAccount.of(
                open.patientId(), open.kind(), amount, MovementCause.refundFailed(cmd.outRefundNo()))));
        log.warn("Refund {} of withdrawal from top-up {} failed: {} fen back to {} {}", cmd.outRefundNo(), topUpId,
                amount, open.patientId(), open.kind());
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
