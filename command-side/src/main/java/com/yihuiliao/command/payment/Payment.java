package com.yihuiliao.command.payment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.payment.ClosePayment;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentStatus;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RefundReservationReleased;
import com.yihuiliao.api.payment.RefundReserved;
import com.yihuiliao.api.payment.RefundSettled;
import com.yihuiliao.command.ids.PaymentIds;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One order, identified by our out_trade_no. Owns: one success per order, the amount as ordered,
 * and refunded + reserved ≤ paid — a refund's amount is reserved here before the refund starts,
 * then settled (refunded) or released.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Payment {

    @AggregateIdentifier
    private String outTradeNo;
    private PaymentPurpose purpose;
    private String referenceId;
    private String patientId;
    private long amountFen;
    private PaymentChannel channel;
    private PaymentStatus status;
    private String transactionId;
    private long refundedFen;
    /** open reservations: outRefundNo → amount. */
    private Map<String, Long> reserved = new LinkedHashMap<>();
    /** reservations settled or released: outRefundNo → amount. */
    private Map<String, Long> settled = new HashMap<>();
    private Map<String, Long> released = new HashMap<>();

    protected Payment() {
        // for Axon
    }

    @CommandHandler
    public Payment(CreatePayment cmd) {
        PaymentIds.requireValid(cmd.outTradeNo());
        if (cmd.amountFen() <= 0) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT);
        }
        if (cmd.purpose() == null || cmd.channel() == null || cmd.patientId() == null || cmd.referenceId() == null) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "A payment names its purpose, reference, patient and channel.");
        }
        apply(new PaymentCreated(cmd.outTradeNo(), cmd.purpose(), cmd.referenceId(), cmd.patientId(), cmd.amountFen(),
                cmd.channel()));
    }

    @CommandHandler
    public void handle(RecordPaymentSucceeded cmd) {
        if (status == PaymentStatus.PAID) {
            if (transactionId.equals(cmd.transactionId())) {
                return; // the notification repeats
            }
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_PAYABLE,
                    "This order was already paid by another transaction.");
        }
        if (status == PaymentStatus.CLOSED) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_PAYABLE, "This order is closed.");
        }
        if (cmd.transactionId() == null || cmd.transactionId().isBlank()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "A payment names its transaction.");
        }
        if (cmd.amountFen() != amountFen) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_AMOUNT_MISMATCH,
                    "Paid " + cmd.amountFen() + " fen for an order of " + amountFen + " fen.");
        }
        apply(new PaymentSucceeded(outTradeNo, cmd.transactionId(), amountFen, purpose, referenceId, patientId,
                channel));
    }

    @CommandHandler
    public void handle(ClosePayment cmd) {
        if (status == PaymentStatus.CLOSED) {
            return;
        }
        if (status == PaymentStatus.PAID) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_ALREADY_PAID);
        }
        apply(new PaymentClosed(outTradeNo, cmd.reason(), cmd.detail()));
    }

    @CommandHandler
    public void handle(ReuseWeChatOrder cmd) {
        if (channel != PaymentChannel.WECHAT || !referenceId.equals(cmd.referenceId()) || amountFen != cmd.amountFen()) {
            throw anotherPayment();
        }
        if (status != PaymentStatus.CREATED) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_PAYABLE,
                    "The order " + outTradeNo + " is " + status.name().toLowerCase() + ".");
        }
    }

    @CommandHandler
    public String handle(RepeatBalancePayment cmd) {
        if (channel != PaymentChannel.BALANCE || status != PaymentStatus.PAID || !referenceId.equals(cmd.referenceId())
                || amountFen != cmd.amountFen()) {
            throw anotherPayment();
        }
        return patientId;
    }

    private BusinessRuleViolation anotherPayment() {
        return new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                "The order " + outTradeNo + " already exists for another payment.");
    }

    @CommandHandler
    public RefundReservation handle(ReserveWhatRemains cmd) {
        long remaining = refundable();
        return remaining <= 0 ? new RefundReservation(channel, patientId, 0)
                : handle(new ReserveRefund(outTradeNo, cmd.outRefundNo(), remaining));
    }

    /** Answers the channel the refund goes back by (and to whom). */
    @CommandHandler
    public RefundReservation handle(ReserveRefund cmd) {
        PaymentIds.requireValid(cmd.outRefundNo());
        if (cmd.amountFen() <= 0) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT);
        }
        Long earlier = earlierRefund(cmd.outRefundNo());
        if (earlier != null) {
            if (earlier != cmd.amountFen()) {
                throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                        "The refund " + cmd.outRefundNo() + " was reserved with " + earlier + " fen.");
            }
            return new RefundReservation(channel, patientId, cmd.amountFen());
        }
        if (status != PaymentStatus.PAID) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_NOT_REFUNDABLE);
        }
        if (refundable() < cmd.amountFen()) {
            throw new BusinessRuleViolation(ErrorCode.REFUND_EXCEEDS_PAID, ProblemMessage.of("payment.refund-exceeds",
                    "refundableFen", refundable(), "requestedFen", cmd.amountFen()));
        }
        apply(new RefundReserved(outTradeNo, cmd.outRefundNo(), cmd.amountFen(), refundable() - cmd.amountFen()));
        return new RefundReservation(channel, patientId, cmd.amountFen());
    }

    @CommandHandler
    public void handle(SettleRefundReservation cmd) {
        Long amount = reserved.get(cmd.outRefundNo());
        if (amount == null) {
            if (settled.containsKey(cmd.outRefundNo())) {
                return;
            }
            throw noReservation(cmd.outRefundNo());
        }
        apply(new RefundSettled(outTradeNo, cmd.outRefundNo(), amount, refundedFen + amount));
    }

    @CommandHandler
    public void handle(ReleaseRefundReservation cmd) {
        Long amount = reserved.get(cmd.outRefundNo());
        if (amount == null) {
            if (released.containsKey(cmd.outRefundNo())) {
                return;
            }
            throw noReservation(cmd.outRefundNo());
        }
        apply(new RefundReservationReleased(outTradeNo, cmd.outRefundNo(), amount, refundable() + amount));
    }

    private BusinessRuleViolation noReservation(String outRefundNo) {
        return settled.containsKey(outRefundNo) || released.containsKey(outRefundNo)
                ? new BusinessRuleViolation(ErrorCode.REFUND_ALREADY_FINAL)
                : new BusinessRuleViolation(ErrorCode.REFUND_NOT_FOUND, "No refund " + outRefundNo + " on this payment.");
    }

    private Long earlierRefund(String outRefundNo) {
        Long amount = reserved.get(outRefundNo);
        if (amount == null) {
            amount = settled.get(outRefundNo);
        }
        if (amount == null) {
            amount = released.get(outRefundNo);
        }
        return amount;
    }

    /** Paid, less what is refunded and what is reserved for refunds under way. */
    long refundable() {
        if (status != PaymentStatus.PAID) {
            return 0;
        }
        return amountFen - refundedFen - reserved.values().stream().mapToLong(Long::longValue).sum();
    }

    @EventSourcingHandler
    void on(PaymentCreated event) {
        outTradeNo = event.outTradeNo();
        purpose = event.purpose();
        referenceId = event.referenceId();
        patientId = event.patientId();
        amountFen = event.amountFen();
        channel = event.channel();
        status = PaymentStatus.CREATED;
    }

    @EventSourcingHandler
    void on(PaymentSucceeded event) {
        status = PaymentStatus.PAID;
        transactionId = event.transactionId();
    }

    @EventSourcingHandler
    void on(PaymentClosed event) {
        status = PaymentStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(RefundReserved event) {
        reserved.put(event.outRefundNo(), event.amountFen());
    }

    @EventSourcingHandler
    void on(RefundSettled event) {
        reserved.remove(event.outRefundNo());
        settled.put(event.outRefundNo(), event.amountFen());
        refundedFen = event.refundedTotalFen();
    }

    @EventSourcingHandler
    void on(RefundReservationReleased event) {
        reserved.remove(event.outRefundNo());
        released.put(event.outRefundNo(), event.amountFen());
    }

    // state for the aggregate's tests; the flows ask with commands

    PaymentStatus status() {
        return status;
    }

    long refundedFen() {
        return refundedFen;
    }
}
