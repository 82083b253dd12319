package com.yihuiliao.command.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentStatus;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.command.account.Account;
import com.yihuiliao.command.appointment.Appointment;
import com.yihuiliao.command.bill.Bill;
import com.yihuiliao.command.exam.ExamBooking;
import com.yihuiliao.command.lookup.StoredAggregates;
import com.yihuiliao.command.payment.Payment;
import com.yihuiliao.command.payment.PaymentOrder;
import com.yihuiliao.command.payment.PaymentOrders;
import com.yihuiliao.command.refund.Refund;
import com.yihuiliao.command.topup.TopUp;
import com.yihuiliao.command.inpatient.OpenAdmissions;
import com.yihuiliao.command.topup.TopUpFunding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.callbacks.FutureCallback;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.commandhandling.AnnotationCommandHandlerAdapter;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;

/**
 * Given-when-then for the money room, without Spring or HTTP: the real handlers over real aggregates in an
 * in-memory event store, one unit of work per {@code when} (the command bus's), and an in-memory
 * {@link PaymentOrders} kept from the same events as the real lookup. A refused command writes nothing.
 * <pre>
 * fixture.given(PAYMENT, "Payment", created, paid)
 *        .when(new RefundPayment(...))
 *        .expectEvents(reserved, requested, credited, succeeded, settled);
 * </pre>
 */
final class MoneyFlowFixture {

    final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    final TopUpFunding funding = mock(TopUpFunding.class);
    final OpenAdmissions openAdmissions = mock(OpenAdmissions.class);
    private final InMemoryPaymentOrders orders = new InMemoryPaymentOrders();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final Map<String, Long> sequences = new HashMap<>();
    private final List<Object> recorded = new ArrayList<>();
    private Object result;
    private Throwable failure;

    MoneyFlowFixture() {
        store.subscribe(messages -> messages.forEach(message -> {
            orders.on(message);
            recorded.add(message.getPayload());
        }));
        StoredAggregates stored = new StoredAggregates(store);
        MoneySteps steps = new MoneySteps(repository(Payment.class), repository(Refund.class),
                repository(Account.class), repository(Appointment.class), stored);
        subscribe(new BalancePayments(steps, orders));
        ExamPayments exams = new ExamPayments(steps, repository(ExamBooking.class), orders);
        subscribe(new WeChatPayments(steps, orders, exams));
        subscribe(exams);
        subscribe(new RefundFlows(steps, orders));
        subscribe(new BillPayments(steps, repository(Bill.class), orders));
        subscribe(new TopUpPayments(steps, repository(TopUp.class), funding, openAdmissions));
    }

    private <T> EventSourcingRepository<T> repository(Class<T> type) {
        // the appointment's creation asks for a deadline manager; no test here creates one
        return EventSourcingRepository.builder(type).eventStore(store)
                .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(type),
                        new SimpleResourceParameterResolverFactory(List.of(mock(DeadlineManager.class)))))
                .build();
    }

    private void subscribe(Object handler) {
        new AnnotationCommandHandlerAdapter<>(handler).subscribe(bus);
    }

    /** These events happened to one aggregate (its type as Axon names it: the class's simple name). */
    MoneyFlowFixture given(String aggregateId, String type, Object... events) {
        for (Object event : events) {
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            store.publish(new GenericDomainEventMessage<>(type, aggregateId, sequence, event));
        }
        return this;
    }

    /** One command, in one unit of work; then what it wrote (nothing if it was refused) and what it answered. */
    MoneyFlowFixture when(Object command) {
        recorded.clear();
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        bus.dispatch(GenericCommandMessage.asCommandMessage(command), callback);
        CommandResultMessage<?> answer = callback.getResult();
        failure = answer.isExceptional() ? answer.exceptionResult() : null;
        result = answer.isExceptional() ? null : answer.getPayload();
        return this;
    }

    MoneyFlowFixture expectEvents(Object... events) {
        assertThat(failure).as("the command's failure").isNull();
        assertThat(recorded).containsExactly(events);
        return this;
    }

    /** For events whose ids the flow draws itself (a new order number): their types, in order. */
    MoneyFlowFixture expectEventTypes(Class<?>... types) {
        assertThat(failure).as("the command's failure").isNull();
        assertThat(recorded.stream().map(Object::getClass).toList()).containsExactly(types);
        return this;
    }

    List<Object> events() {
        return List.copyOf(recorded);
    }

    MoneyFlowFixture expectResult(Object expected) {
        assertThat(failure).as("the command's failure").isNull();
        assertThat(result).isEqualTo(expected);
        return this;
    }

    Object result() {
        assertThat(failure).as("the command's failure").isNull();
        return result;
    }

    /** Refused with this code, and nothing written. */
    MoneyFlowFixture expectRefusal(com.yihuiliao.api.ErrorCode code) {
        assertThat(failure).isInstanceOfSatisfying(BusinessRuleViolation.class,
                violation -> assertThat(violation.code()).isEqualTo(code));
        assertThat(recorded).isEmpty();
        return this;
    }

    /** Stands in for the payment_order lookup: the same facts, kept from the same events. */
    private static final class InMemoryPaymentOrders implements PaymentOrders {

        private final Map<String, PaymentOrder> rows = new ConcurrentHashMap<>();

        void on(EventMessage<?> message) {
            Object event = message.getPayload();
            if (event instanceof PaymentCreated created) {
                rows.putIfAbsent(created.outTradeNo(), new PaymentOrder(created.outTradeNo(), created.purpose(),
                        created.referenceId(), created.patientId(), created.amountFen(), created.channel(),
                        PaymentStatus.CREATED, message.getTimestamp(), null));
            } else if (event instanceof PaymentSucceeded paid) {
                rows.computeIfPresent(paid.outTradeNo(), (id, row) -> with(row, PaymentStatus.PAID, message));
            } else if (event instanceof PaymentClosed closed) {
                rows.computeIfPresent(closed.outTradeNo(), (id, row) -> with(row, PaymentStatus.CLOSED, null));
            }
        }

        private static PaymentOrder with(PaymentOrder row, PaymentStatus status, EventMessage<?> paid) {
            return new PaymentOrder(row.outTradeNo(), row.purpose(), row.referenceId(), row.patientId(),
                    row.amountFen(), row.channel(), status, row.createdAt(),
                    paid == null ? row.paidAt() : paid.getTimestamp());
        }

        @Override
        public Optional<PaymentOrder> find(String outTradeNo) {
            return Optional.ofNullable(outTradeNo == null ? null : rows.get(outTradeNo));
        }

        @Override
        public java.util.List<PaymentOrder> paidBetween(com.yihuiliao.api.payment.PaymentChannel channel,
                                                        java.time.Instant from, java.time.Instant to) {
            return rows.values().stream().filter(row -> row.channel() == channel && row.paidAt() != null
                    && !row.paidAt().isBefore(from) && row.paidAt().isBefore(to)).toList();
        }
    }
}
