package com.yihuiliao.command.refund;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.refund.RecordRefundFailed;
import com.yihuiliao.api.refund.RefundFailed;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundResult;
import com.yihuiliao.api.refund.RefundStatus;
import com.yihuiliao.api.refund.RefundSucceeded;
import com.yihuiliao.command.ids.PaymentIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One refund, identified by our out_refund_no: requested → succeeded or failed, once; then final. */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Refund {

    @AggregateIdentifier
    private String outRefundNo;
    private String outTradeNo;
    private long amountFen;
    private RefundStatus status;

    protected Refund() {
        // for Axon
    }

    @CommandHandler
    public Refund(RequestRefund cmd) {
        PaymentIds.requireValid(cmd.outRefundNo());
        PaymentIds.requireValid(cmd.outTradeNo());
        if (cmd.amountFen() <= 0) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT);
        }
        if (cmd.channel() == null) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "A refund names its channel.");
        }
        apply(new RefundRequested(cmd.outRefundNo(), cmd.outTradeNo(), cmd.amountFen(), cmd.reason(), cmd.note(),
                cmd.operator(), cmd.channel()));
    }

    @CommandHandler
    public RefundResult handle(DescribeRefund cmd) {
        return new RefundResult(outRefundNo, outTradeNo, amountFen, status);
    }

    /** Answers the refund as it now stands. */
    @CommandHandler
    public RefundResult handle(RecordRefundSucceeded cmd) {
        if (status == RefundStatus.SUCCEEDED) {
            return handle(new DescribeRefund(outRefundNo));
        }
        if (status == RefundStatus.FAILED) {
            throw new BusinessRuleViolation(ErrorCode.REFUND_ALREADY_FINAL, "This refund has already failed.");
        }
        apply(new RefundSucceeded(outRefundNo, outTradeNo, amountFen, cmd.balanceAfterFen(), cmd.weChatRefundId(),
                cmd.receivedBy(), null));
        return handle(new DescribeRefund(outRefundNo));
    }

    @CommandHandler
    public void handle(RecordRefundFailed cmd) {
        if (status == RefundStatus.FAILED) {
            return;
        }
        if (status == RefundStatus.SUCCEEDED) {
            throw new BusinessRuleViolation(ErrorCode.REFUND_ALREADY_FINAL, "This refund has already succeeded.");
        }
        apply(new RefundFailed(outRefundNo, outTradeNo, amountFen, cmd.reason(), cmd.detail()));
    }

    @EventSourcingHandler
    void on(RefundRequested event) {
        outRefundNo = event.outRefundNo();
        outTradeNo = event.outTradeNo();
        amountFen = event.amountFen();
        status = RefundStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(RefundSucceeded event) {
        status = RefundStatus.SUCCEEDED;
    }

    @EventSourcingHandler
    void on(RefundFailed event) {
        status = RefundStatus.FAILED;
    }

    /** For the aggregate's tests; the flows ask with {@link DescribeRefund}. */
    RefundStatus status() {
        return status;
    }
}
