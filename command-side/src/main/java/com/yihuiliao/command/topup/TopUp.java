package com.yihuiliao.command.topup;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.topup.TopUpCreated;
import com.yihuiliao.api.topup.TopUpCredited;
import com.yihuiliao.api.topup.TopUpPaid;
import com.yihuiliao.api.topup.TopUpPartlyRefunded;
import com.yihuiliao.api.topup.TopUpRefundRestored;
import com.yihuiliao.api.topup.TopUpStatus;
import com.yihuiliao.command.ids.PaymentIds;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One top-up (门诊充值 / 住院押金) of a patient's account, paid by WeChat Pay. Owns: 1 to 5,000,000 fen;
 * paid once (by one transaction, the amount ordered), credited once (only when paid); and how much of it
 * is still refundable — credited, less the portions withdrawals took back through its payment (each
 * portion once, by its out_refund_no, within WeChat Pay's 365-day refund window), plus the portions
 * whose refund failed and were restored (once).
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class TopUp {

    public static final long MAX_FEN = 5_000_000;
    /** WeChat Pay refunds a payment up to a year after it was paid. */
    public static final Duration REFUND_WINDOW = Duration.ofDays(365);

    @AggregateIdentifier
    private String topUpId;
    private String outTradeNo;
    private String patientId;
    private AccountKind kind;
    private long amountFen;
    private PaymentChannel channel;
    private Instant expiresAt;
    private TopUpStatus status;
    private String transactionId;
    private Instant paidAt;
    private long refundableFen;
    /** withdrawn portions: outRefundNo → amount (restored ones included). */
    private Map<String, Long> portions = new LinkedHashMap<>();
    /** portions whose refund failed and that were restored: outRefundNo → amount. */
    private Map<String, Long> restored = new HashMap<>();

    protected TopUp() {
        // for Axon
    }

    @CommandHandler
    public TopUp(CreateTopUp cmd) {
        PaymentIds.requireValid(cmd.topUpId());
        PaymentIds.requireValid(cmd.outTradeNo());
        requireAmountInRange(cmd.amountFen());
        if (cmd.patientId() == null || cmd.kind() == null) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "A top-up names its patient and account kind.");
        }
        apply(new TopUpCreated(cmd.topUpId(), cmd.outTradeNo(), cmd.patientId(), cmd.kind(), cmd.amountFen(),
                PaymentChannel.WECHAT, cmd.expiresAt()));
    }

    @CommandHandler
    public void handle(RecordTopUpPaid cmd) {
        if (!outTradeNo.equals(cmd.outTradeNo())) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_FOUND,
                    "The order " + cmd.outTradeNo() + " is not this top-up's.");
        }
        if (status != TopUpStatus.CREATED) {
            if (transactionId.equals(cmd.transactionId())) {
                return; // the notification repeats
            }
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_PAYABLE,
                    "This top-up was already paid by another transaction.");
        }
        if (cmd.transactionId() == null || cmd.transactionId().isBlank() || cmd.paidAt() == null) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "A payment names its transaction and time.");
        }
        if (cmd.amountFen() != amountFen) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_AMOUNT_MISMATCH,
                    "Paid " + cmd.amountFen() + " fen for a top-up of " + amountFen + " fen.");
        }
        apply(new TopUpPaid(topUpId, outTradeNo, cmd.transactionId(), amountFen, cmd.paidAt()));
    }

    @CommandHandler
    public void handle(RecordTopUpCredited cmd) {
        if (status == TopUpStatus.CREDITED) {
            return;
        }
        if (status != TopUpStatus.PAID) {
            throw new BusinessRuleViolation(ErrorCode.TOPUP_NOT_CREDITED, "An unpaid top-up cannot be credited.");
        }
        apply(new TopUpCredited(topUpId, outTradeNo, patientId, kind, amountFen, paidAt, cmd.balanceAfterFen()));
    }

    @CommandHandler
    public void handle(WithdrawFromTopUp cmd) {
        PaymentIds.requireValid(cmd.outRefundNo());
        if (cmd.amountFen() <= 0) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT);
        }
        Long earlier = portions.get(cmd.outRefundNo());
        if (earlier != null) {
            if (earlier != cmd.amountFen()) {
                throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                        "The refund " + cmd.outRefundNo() + " took " + earlier + " fen of this top-up.");
            }
            return;
        }
        if (status != TopUpStatus.CREDITED) {
            throw new BusinessRuleViolation(ErrorCode.TOPUP_NOT_CREDITED);
        }
        if (!refundableAt(cmd.at())) {
            throw new BusinessRuleViolation(ErrorCode.TOPUP_REFUND_WINDOW_PASSED, ProblemMessage.of(
                    "topup.refund-window", "paidAt", paidAt, "refundableUntil", paidAt.plus(REFUND_WINDOW)));
        }
        if (cmd.amountFen() > refundableFen) {
            throw new BusinessRuleViolation(ErrorCode.TOPUP_REFUND_EXCEEDS, ProblemMessage.of("topup.refund-exceeds",
                    "refundableFen", refundableFen, "requestedFen", cmd.amountFen()));
        }
        apply(new TopUpPartlyRefunded(topUpId, cmd.withdrawalId(), cmd.outRefundNo(), cmd.amountFen(),
                refundableFen - cmd.amountFen()));
    }

    @CommandHandler
    public void handle(RestoreTopUpRefund cmd) {
        Long amount = portions.get(cmd.outRefundNo());
        if (amount == null) {
            throw new BusinessRuleViolation(ErrorCode.REFUND_NOT_FOUND,
                    "No withdrawal took " + cmd.outRefundNo() + " from this top-up.");
        }
        if (restored.containsKey(cmd.outRefundNo())) {
            return;
        }
        apply(new TopUpRefundRestored(topUpId, cmd.outRefundNo(), amount, refundableFen + amount));
    }

    @CommandHandler
    public Instant handle(RepeatTopUp cmd) {
        if (!patientId.equals(cmd.patientId()) || kind != cmd.kind() || amountFen != cmd.amountFen()) {
            throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                    "This request id was already used for another top-up.");
        }
        if (status == TopUpStatus.CREATED && !cmd.at().isBefore(expiresAt)) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_PAYABLE,
                    "This top-up's order has expired; please start a new top-up.");
        }
        return expiresAt;
    }

    @CommandHandler
    public TopUpMoney handle(QuoteCreditDue cmd) {
        return status == TopUpStatus.CREDITED ? null : money(amountFen);
    }

    @CommandHandler
    public TopUpMoney handle(QuoteRefundable cmd) {
        return money(refundableFenAt(cmd.at()));
    }

    @CommandHandler
    public TopUpMoney handle(QuoteOpenPortion cmd) {
        return money(openPortionFen(cmd.outRefundNo()));
    }

    private TopUpMoney money(long amount) {
        return new TopUpMoney(patientId, kind, outTradeNo, amount);
    }

    /** 1 fen to 5,000,000 fen (50,000 yuan) per top-up. */
    public static void requireAmountInRange(long amountFen) {
        if (amountFen <= 0 || amountFen > MAX_FEN) {
            throw new BusinessRuleViolation(ErrorCode.TOPUP_AMOUNT_OUT_OF_RANGE, ProblemMessage.of("topup.amount-range",
                    "minFen", 1L, "maxFen", MAX_FEN, "amountFen", amountFen));
        }
    }

    /** Whether WeChat Pay still refunds this top-up's payment at that instant. */
    private boolean refundableAt(Instant at) {
        return paidAt != null && at != null && at.isBefore(paidAt.plus(REFUND_WINDOW));
    }

    @EventSourcingHandler
    void on(TopUpCreated event) {
        topUpId = event.topUpId();
        outTradeNo = event.outTradeNo();
        patientId = event.patientId();
        kind = event.kind();
        amountFen = event.amountFen();
        channel = event.channel();
        expiresAt = event.expiresAt();
        status = TopUpStatus.CREATED;
    }

    @EventSourcingHandler
    void on(TopUpPaid event) {
        status = TopUpStatus.PAID;
        transactionId = event.transactionId();
        paidAt = event.paidAt();
    }

    @EventSourcingHandler
    void on(TopUpCredited event) {
        status = TopUpStatus.CREDITED;
        refundableFen = event.amountFen();
    }

    @EventSourcingHandler
    void on(TopUpPartlyRefunded event) {
        portions.put(event.outRefundNo(), event.amountFen());
        refundableFen = event.refundableAfterFen();
    }

    @EventSourcingHandler
    void on(TopUpRefundRestored event) {
        restored.put(event.outRefundNo(), event.amountFen());
        refundableFen = event.refundableAfterFen();
    }

    /** What a withdrawal at that instant may still take back through this top-up (0 outside the window). */
    long refundableFenAt(Instant at) {
        return status == TopUpStatus.CREDITED && refundableAt(at) ? refundableFen : 0;
    }

    /** What a withdrawal took from this top-up as this refund, not restored since (0 if none). */
    long openPortionFen(String outRefundNo) {
        return restored.containsKey(outRefundNo) ? 0 : portions.getOrDefault(outRefundNo, 0L);
    }

    /** For the aggregate's tests; the flows ask with commands. */
    TopUpStatus status() {
        return status;
    }
}
