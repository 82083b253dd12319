package com.yihuiliao.command.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.model.TransactionAmount;
import com.wechat.pay.java.service.refund.model.Refund;
import com.wechat.pay.java.service.refund.model.Status;
import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.AppointmentExpired;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.payment.ClosePayment;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RecordWeChatPayment;
import com.yihuiliao.api.payment.RefundCancelledAppointment;
import com.yihuiliao.api.payment.SettleWeChatRefund;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.command.payment.wechatpay.WeChatPay;
import com.yihuiliao.command.payment.wechatpay.WeChatPayException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WeChat Pay calls the payment process makes: close on expiry (and its answers), apply for refunds. */
class PaymentProcessTest {

    static final String APPOINTMENT = "apt-1";
    static final String ORDER = WeChatFlows.orderNoFor(APPOINTMENT);
    static final PaymentCreated CREATED = new PaymentCreated(ORDER, PaymentPurpose.REGISTRATION, APPOINTMENT, "p1",
            2_500, PaymentChannel.WECHAT);

    CommandGateway commands = mock(CommandGateway.class);
    WeChatPay weChatPay = mock(WeChatPay.class);
    WeChatFlows flows = mock(WeChatFlows.class);
    EventStore eventStore = mock(EventStore.class);
    PaymentProcess process;

    @BeforeEach
    void setUp() {
        process = new PaymentProcess(commands, weChatPay, flows, eventStore);
    }

    void orderWithEvents(Object... payloads) {
        when(flows.created(ORDER)).thenReturn(CREATED);
        java.util.List<org.axonframework.eventhandling.DomainEventMessage<?>> events = new java.util.ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            events.add(new GenericDomainEventMessage<>("Payment", ORDER, i, payloads[i]));
        }
        when(eventStore.readEvents(ORDER)).thenAnswer(call -> DomainEventStream.of(events));
    }

    static WeChatPayException error(String code) {
        return new WeChatPayException(code, "test", 400, null);
    }

    @Test
    void expiry_closesTheOpenOrderAtWeChatThenOurs() {
        orderWithEvents(CREATED);
        process.on(new AppointmentExpired(APPOINTMENT, "s1", "p1"));
        verify(weChatPay).closeOrder(ORDER);
        verify(commands).sendAndWait(new ClosePayment(ORDER, PaymentProcess.EXPIRY_REASON));
    }

    @Test
    void expiry_ofAnOrderWeChatNeverSaw_closesOurs() {
        orderWithEvents(CREATED);
        doThrow(error("ORDER_NOT_EXIST")).when(weChatPay).closeOrder(ORDER);
        process.on(new AppointmentExpired(APPOINTMENT, "s1", "p1"));
        verify(commands).sendAndWait(new ClosePayment(ORDER, PaymentProcess.EXPIRY_REASON));
    }

    @Test
    void expiry_ofAnOrderPaidMeanwhile_recordsTheLatePayment() {
        orderWithEvents(CREATED);
        doThrow(error("ORDERPAID")).when(weChatPay).closeOrder(ORDER);
        Transaction paid = new Transaction();
        paid.setOutTradeNo(ORDER);
        paid.setTransactionId("4200000000000000000000000042");
        paid.setTradeState(Transaction.TradeStateEnum.SUCCESS);
        TransactionAmount amount = new TransactionAmount();
        amount.setTotal(2_500);
        paid.setAmount(amount);
        when(weChatPay.queryByOutTradeNo(ORDER)).thenReturn(paid);

        process.on(new AppointmentExpired(APPOINTMENT, "s1", "p1"));

        verify(commands).sendAndWait(new RecordWeChatPayment(ORDER, "4200000000000000000000000042", 2_500));
        verify(commands, never()).sendAndWait(any(ClosePayment.class));
    }

    @Test
    void expiry_whenWeChatIsDown_changesNothing() {
        orderWithEvents(CREATED);
        doThrow(error("UNAVAILABLE")).when(weChatPay).closeOrder(ORDER);
        assertThatThrownBy(() -> process.on(new AppointmentExpired(APPOINTMENT, "s1", "p1")))
                .isInstanceOf(WeChatPayException.class);
        verifyNoInteractions(commands);
    }

    @Test
    void expiry_withoutAnOpenWeChatOrder_callsNothing() {
        process.on(new AppointmentExpired("apt-without-order", "s1", "p1"));
        orderWithEvents(CREATED, new PaymentSucceeded(ORDER, "4200", 2_500, PaymentPurpose.REGISTRATION, APPOINTMENT,
                "p1", PaymentChannel.WECHAT));
        process.on(new AppointmentExpired(APPOINTMENT, "s1", "p1"));
        verifyNoInteractions(weChatPay, commands);
    }

    @Test
    void aWeChatRefund_isAppliedForAndSettledWhenWeChatAnswersSuccess() {
        orderWithEvents(CREATED);
        Refund processing = new Refund();
        processing.setStatus(Status.PROCESSING);
        Refund succeeded = new Refund();
        succeeded.setStatus(Status.SUCCESS);
        when(weChatPay.refund(ORDER, "RL" + ORDER, 2_500, 2_500, "late")).thenReturn(processing, succeeded);
        RefundRequested requested = new RefundRequested("RL" + ORDER, ORDER, 2_500, "late", "system",
                PaymentChannel.WECHAT);

        process.on(requested);
        verifyNoInteractions(commands); // the refund notification settles it

        process.on(requested);
        verify(commands).sendAndWait(new SettleWeChatRefund(ORDER, "RL" + ORDER));
    }

    @Test
    void cancellingAPaidAppointment_asksForItsRefundWithTheReason() {
        process.on(new AppointmentCancelled(APPOINTMENT, "s1", "p1", CancelledBy.PATIENT, "改期", true));
        verify(commands).sendAndWait(new RefundCancelledAppointment(APPOINTMENT, "appointment cancelled: 改期"));
    }

    @Test
    void cancellingAnUnpaidAppointment_refundsNothing() {
        process.on(new AppointmentCancelled(APPOINTMENT, "s1", "p1", CancelledBy.PATIENT, "改期", false));
        verifyNoInteractions(commands);
    }

    @Test
    void aCancellationRefund_isAppliedForAtWeChatWithItsOwnNumber() {
        orderWithEvents(CREATED);
        Refund succeeded = new Refund();
        succeeded.setStatus(Status.SUCCESS);
        String outRefundNo = MoneyFlows.cancellationRefundNo(ORDER);
        when(weChatPay.refund(ORDER, outRefundNo, 2_500, 2_500, "appointment cancelled: 改期")).thenReturn(succeeded);

        process.on(new RefundRequested(outRefundNo, ORDER, 2_500, "appointment cancelled: 改期", "system",
                PaymentChannel.WECHAT));

        verify(commands).sendAndWait(new SettleWeChatRefund(ORDER, outRefundNo));
    }

    @Test
    void aBalanceRefund_isNoneOfWeChatsBusiness() {
        process.on(new RefundRequested("RC1234567", "RG1234567", 100, "x", "system", PaymentChannel.BALANCE));
        verify(weChatPay, never()).refund(anyString(), anyString(), anyLong(), anyLong(), anyString());
    }

    @Test
    void orderNumbers_areValidAndStable() {
        assertThat(PaymentIds.isValid(ORDER)).isTrue();
        assertThat(ORDER).hasSize(30).startsWith("RGW").isEqualTo(WeChatFlows.orderNoFor(APPOINTMENT));
        assertThat(WeChatFlows.orderNoFor("apt-2")).isNotEqualTo(ORDER);
        assertThat(PaymentIds.isValid(WeChatFlows.lateRefundNo(ORDER))).isTrue();
    }
}
