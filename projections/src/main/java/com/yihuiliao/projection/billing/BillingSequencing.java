package com.yihuiliao.projection.billing;

import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RefundReservationReleased;
import com.yihuiliao.api.payment.RefundReserved;
import com.yihuiliao.api.payment.RefundSettled;
import com.yihuiliao.api.refund.RefundFailed;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundSucceeded;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.stereotype.Component;

/**
 * The order {@code billing-view} handles events in: a payment's events and its refunds' events in one
 * sequence (keyed by the payment's out_trade_no), every other aggregate's events in their own.
 * Named in application.yml as the processor's {@code sequencing-policy}.
 */
@Component(BillingSequencing.BEAN)
public class BillingSequencing implements SequencingPolicy<EventMessage<?>> {

    public static final String BEAN = "billingSequencingPolicy";

    private final SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        String outTradeNo = null;
        if (payload instanceof PaymentCreated e) {
            outTradeNo = e.outTradeNo();
        } else if (payload instanceof PaymentSucceeded e) {
            outTradeNo = e.outTradeNo();
        } else if (payload instanceof PaymentClosed e) {
            outTradeNo = e.outTradeNo();
        } else if (payload instanceof RefundReserved e) {
            outTradeNo = e.outTradeNo();
        } else if (payload instanceof RefundSettled e) {
            outTradeNo = e.outTradeNo();
        } else if (payload instanceof RefundReservationReleased e) {
            outTradeNo = e.outTradeNo();
        } else if (payload instanceof RefundRequested e) {
            outTradeNo = e.outTradeNo();
        } else if (payload instanceof RefundSucceeded e) {
            outTradeNo = e.outTradeNo();
        } else if (payload instanceof RefundFailed e) {
            outTradeNo = e.outTradeNo();
        }
        return outTradeNo != null ? "payment:" + outTradeNo : perAggregate.getSequenceIdentifierFor(event);
    }
}
