package com.yihuiliao.projection.billing;

import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.refund.RefundRequested;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.stereotype.Component;

/**
 * The order {@code billing-view} handles events in: a payment's events and its refunds' events in one
 * sequence — every event of the payment and refund features names its payment's {@code outTradeNo} —,
 * every other aggregate's events in their own. Named in the projections' processors.properties as the processor's
 * {@code sequencing-policy}.
 */
@Component(BillingSequencing.BEAN)
public class BillingSequencing implements SequencingPolicy<EventMessage<?>> {

    public static final String BEAN = "billingSequencingPolicy";

    private static final Set<String> PAYMENT_FEATURES = Set.of(PaymentCreated.class.getPackageName(),
            RefundRequested.class.getPackageName());

    /** The accessor of a payment or refund event's {@code outTradeNo}; null for every other type. */
    private static final ClassValue<Method> OUT_TRADE_NO = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            if (!type.isRecord() || !PAYMENT_FEATURES.contains(type.getPackageName())) {
                return null;
            }
            return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals("outTradeNo"))
                    .map(RecordComponent::getAccessor).findFirst().orElse(null);
        }
    };

    private final SequentialPerAggregatePolicy perAggregate = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Object payload = event.getPayload();
        Method outTradeNo = payload == null ? null : OUT_TRADE_NO.get(payload.getClass());
        if (outTradeNo == null) {
            return perAggregate.getSequenceIdentifierFor(event);
        }
        try {
            return "payment:" + outTradeNo.invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read the outTradeNo of " + payload.getClass().getName(), e);
        }
    }
}
