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

import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.AppointmentExpired;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.payment.ClosePayment;
import com.yihuiliao.api.payment.CloseReason;
import com.yihuiliao.api.payment.FailWeChatRefund;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentStatus;
import com.yihuiliao.api.payment.RecordWeChatPayment;
import com.yihuiliao.api.payment.RefundCancelledAppointment;
import com.yihuiliao.api.payment.SettleWeChatRefund;
import com.yihuiliao.api.refund.RefundFailure;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.money.WeChatPayments;
import com.yihuiliao.command.payment.wechatpay.WeChatPay;
import com.yihuiliao.command.payment.wechatpay.WeChatPay.RefundStatus;
import com.yihuiliao.command.payment.wechatpay.WeChatPay.TradeState;
import com.yihuiliao.command.payment.wechatpay.WeChatPayException;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.junit.jupiter.api.Test;

/** The WeChat Pay calls the payment process makes: close on expiry (and its answers), apply for refunds. */
class WeChatPayReactionsTest {

    static final String APPOINTMENT = "apt-1";
    static final String ORDER = WeChatPayments.orderNoFor(APPOINTMENT);
    static final PaymentOrder CREATED = new PaymentOrder(ORDER, PaymentPurpose.REGISTRATION, APPOINTMENT, "p1",
            2_500, PaymentChannel.WECHAT, PaymentStatus.CREATED, Instant.EPOCH, null);

    CommandGateway commands = mock(CommandGateway.class);
    WeChatPay weChatPay = mock(WeChatPay.class);
    PaymentOrders flows = mock(PaymentOrders.class);
    OpenWeChatOrders openOrders = mock(OpenWeChatOrders.class);
    @SuppressWarnings("unchecked")
    ObjectProvider<SchedulerClient> schedulerProvider = mock(ObjectProvider.class);
    SchedulerClient scheduler = mock(SchedulerClient.class);
    WeChatOrders orders;
    WeChatPayReactions process;

    @BeforeEach
    void setUp() {
        orders = new WeChatOrders(weChatPay, commands, openOrders);
        when(schedulerProvider.getObject()).thenReturn(scheduler);
        process = new WeChatPayReactions(commands, flows, orders,
                new WeChatRefunds(weChatPay, commands, orders, schedulerProvider, Duration.ofSeconds(61)));
    }

    /** Our order exists and is neither paid nor closed. */
    void openOrder() {
        when(flows.find(ORDER)).thenReturn(Optional.of(CREATED));
        when(openOrders.isOpen(ORDER)).thenReturn(true);
        when(openOrders.openOf(PaymentPurpose.REGISTRATION, APPOINTMENT)).thenReturn(List.of(ORDER));
    }

    static WeChatPay.Trade transaction(TradeState state) {
        return new WeChatPay.Trade(ORDER, "4200000000000000000000000042", state, 2_500, "o-openid-1", null);
    }

    static WeChatPay.Refund refundAnswer(RefundStatus status) {
        return new WeChatPay.Refund(ORDER, null, "50300000000000000000000000042", status, 2_500, 2_500, "支付用户零钱");
    }

    static final String REFUND_ID = "50300000000000000000000000042";

    static WeChatPayException error(String code) {
        return new WeChatPayException(code, "test", 400, null);
    }

    @Test
    void expiry_closesTheOpenOrderAtWeChatThenOurs() {
        openOrder();
        process.on(new AppointmentExpired(APPOINTMENT, "s1", "p1"));
        verify(weChatPay).closeOrder(ORDER);
        verify(commands).sendAndWait(new ClosePayment(ORDER, CloseReason.HOLD_EXPIRED));
    }

    @Test
    void expiry_ofAnOrderWeChatNeverSaw_closesOurs() {
        openOrder();
        doThrow(error("ORDER_NOT_EXIST")).when(weChatPay).closeOrder(ORDER);
        process.on(new AppointmentExpired(APPOINTMENT, "s1", "p1"));
        verify(commands).sendAndWait(new ClosePayment(ORDER, CloseReason.HOLD_EXPIRED));
    }

    @Test
    void expiry_ofAnOrderPaidMeanwhile_recordsTheLatePayment() {
        openOrder();
        doThrow(error("ORDERPAID")).when(weChatPay).closeOrder(ORDER);
        when(weChatPay.queryByOutTradeNo(ORDER)).thenReturn(transaction(TradeState.SUCCESS));

        process.on(new AppointmentExpired(APPOINTMENT, "s1", "p1"));

        verify(commands).sendAndWait(new RecordWeChatPayment(ORDER, "4200000000000000000000000042", 2_500));
        verify(commands, never()).sendAndWait(any(ClosePayment.class));
    }

    @Test
    void expiry_whenWeChatIsDown_changesNothing() {
        openOrder();
        doThrow(error("UNAVAILABLE")).when(weChatPay).closeOrder(ORDER);
        assertThatThrownBy(() -> process.on(new AppointmentExpired(APPOINTMENT, "s1", "p1")))
                .isInstanceOf(WeChatPayException.class);
        verifyNoInteractions(commands);
    }

    @Test
    void expiry_closesEveryOpenOrderOfTheAppointment() {
        // the first order was closed unpaid and a fresh one opened; both numbers are closed as found open
        String fresh = WeChatPayments.orderNoFor(APPOINTMENT, 2);
        openOrder();
        when(openOrders.isOpen(fresh)).thenReturn(true);
        when(openOrders.openOf(PaymentPurpose.REGISTRATION, APPOINTMENT)).thenReturn(List.of(ORDER, fresh));

        process.on(new AppointmentExpired(APPOINTMENT, "s1", "p1"));

        verify(weChatPay).closeOrder(ORDER);
        verify(weChatPay).closeOrder(fresh);
        verify(commands).sendAndWait(new ClosePayment(ORDER, CloseReason.HOLD_EXPIRED));
        verify(commands).sendAndWait(new ClosePayment(fresh, CloseReason.HOLD_EXPIRED));
    }

    @Test
    void expiry_withoutAnOpenWeChatOrder_callsNothing() {
        process.on(new AppointmentExpired("apt-without-order", "s1", "p1"));
        when(flows.find(ORDER)).thenReturn(Optional.of(CREATED)); // paid or closed: no longer open
        process.on(new AppointmentExpired(APPOINTMENT, "s1", "p1"));
        verifyNoInteractions(weChatPay, commands);
    }

    @Test
    void aWeChatRefund_isAppliedForAndSettledWhenWeChatAnswersSuccess() {
        openOrder();
        // WeChat Pay shows the reason to the payer: in Chinese
        when(weChatPay.refund(ORDER, "RL" + ORDER, 2_500, 2_500, "逾期支付：付款时号源保留已过期"))
                .thenReturn(refundAnswer(RefundStatus.PROCESSING), refundAnswer(RefundStatus.SUCCESS));
        RefundRequested requested = new RefundRequested("RL" + ORDER, ORDER, 2_500,
                RefundReason.LATE_AFTER_EXPIRY, null, "system", PaymentChannel.WECHAT);

        process.on(requested);
        verifyNoInteractions(commands); // the refund notification settles it

        process.on(requested);
        verify(commands).sendAndWait(new SettleWeChatRefund(ORDER, "RL" + ORDER, REFUND_ID, "支付用户零钱"));
    }

    @Test
    void cancellingAPaidAppointment_asksForItsRefundWithTheReason() {
        process.on(new AppointmentCancelled(APPOINTMENT, "s1", "p1", CancelledBy.PATIENT, "改期", true));
        verify(commands).sendAndWait(new RefundCancelledAppointment(APPOINTMENT, "改期"));
    }

    @Test
    void cancellingAnUnpaidAppointment_refundsNothing() {
        process.on(new AppointmentCancelled(APPOINTMENT, "s1", "p1", CancelledBy.PATIENT, "改期", false));
        verifyNoInteractions(commands);
    }

    @Test
    void aCancellationRefund_isAppliedForAtWeChatWithItsOwnNumber() {
        openOrder();
        String outRefundNo = PaymentIds.refundNoOf("RC", ORDER);
        when(weChatPay.refund(ORDER, outRefundNo, 2_500, 2_500, "预约取消：改期"))
                .thenReturn(refundAnswer(RefundStatus.SUCCESS));

        process.on(new RefundRequested(outRefundNo, ORDER, 2_500, RefundReason.APPOINTMENT_CANCELLED, "改期",
                "system", PaymentChannel.WECHAT));

        verify(commands).sendAndWait(new SettleWeChatRefund(ORDER, outRefundNo, REFUND_ID, "支付用户零钱"));
    }

    @Test
    void aBalanceRefund_isNoneOfWeChatsBusiness() {
        process.on(new RefundRequested("RC1234567", "RG1234567", 100, RefundReason.APPOINTMENT_CANCELLED, null,
                "system", PaymentChannel.BALANCE));
        verify(weChatPay, never()).refund(anyString(), anyString(), anyLong(), anyLong(), anyString());
    }

    @Test
    void aRefundWeChatCloses_failsAndReleasesItsReservation() {
        openOrder();
        when(weChatPay.refund(ORDER, "RF1234567", 500, 2_500, "staff")).thenReturn(refundAnswer(RefundStatus.CLOSED));
        process.on(new RefundRequested("RF1234567", ORDER, 500, RefundReason.STAFF_REFUND, "staff", "u1",
                PaymentChannel.WECHAT));
        verify(commands).sendAndWait(new FailWeChatRefund(ORDER, "RF1234567", RefundFailure.CLOSED_BY_WECHAT, null));
    }

    @Test
    void aRefundWeChatRefusesForGood_fails() {
        openOrder();
        when(weChatPay.refund(ORDER, "RF1234567", 500, 2_500, "staff")).thenThrow(error("USER_ACCOUNT_ABNORMAL"));
        process.on(new RefundRequested("RF1234567", ORDER, 500, RefundReason.STAFF_REFUND, "staff", "u1",
                PaymentChannel.WECHAT));
        verify(commands).sendAndWait(new FailWeChatRefund(ORDER, "RF1234567", RefundFailure.REFUSED_BY_WECHAT,
                "USER_ACCOUNT_ABNORMAL"));
    }

    @Test
    void aRefundWhileWeChatIsBusy_changesNothingAndIsRetried() {
        openOrder();
        when(weChatPay.refund(ORDER, "RF1234567", 500, 2_500, "staff")).thenThrow(error("SYSTEM_ERROR"));
        RefundRequested requested = new RefundRequested("RF1234567", ORDER, 500, RefundReason.STAFF_REFUND, "staff", "u1",
                PaymentChannel.WECHAT);
        assertThatThrownBy(() -> process.on(requested)).isInstanceOf(WeChatPayException.class);
        verifyNoInteractions(commands);
    }

    @Test
    void aRefundWeChatLimits_isAppliedForAgainByAPersistentTaskInAMinute_underItsOwnNumber() {
        openOrder();
        when(weChatPay.refund(ORDER, "RF7654321", 500, 2_500, "staff")).thenThrow(error("FREQUENCY_LIMITED"));
        RefundRequested requested = new RefundRequested("RF7654321", ORDER, 500, RefundReason.STAFF_REFUND, "staff", "u1",
                PaymentChannel.WECHAT);

        Instant before = Instant.now();
        process.on(requested); // not thrown: the event is done with, the task carries the refund

        ArgumentCaptor<TaskInstance<String>> task = ArgumentCaptor.captor();
        ArgumentCaptor<Instant> at = ArgumentCaptor.forClass(Instant.class);
        verify(scheduler).scheduleIfNotExists(task.capture(), at.capture());
        assertThat(task.getValue().getTaskName()).isEqualTo(WeChatRefunds.RETRY);
        assertThat(task.getValue().getId()).isEqualTo("RF7654321");
        assertThat(task.getValue().getData()).contains("\"outRefundNo\":\"RF7654321\"").contains("\"amountFen\":500");
        assertThat(at.getValue()).isAfterOrEqualTo(before.plusSeconds(61));
        verifyNoInteractions(commands);
    }

    @Test
    void anAbnormalRefund_waitsForTheMerchantPlatform() {
        openOrder();
        when(weChatPay.refund(ORDER, "RF1234567", 500, 2_500, "staff")).thenReturn(refundAnswer(RefundStatus.ABNORMAL));
        process.on(new RefundRequested("RF1234567", ORDER, 500, RefundReason.STAFF_REFUND, "staff", "u1",
                PaymentChannel.WECHAT));
        verifyNoInteractions(commands);
    }

    @Test
    void refresh_recordsAPaymentWhoseNotificationWasLost() {
        openOrder();
        when(weChatPay.queryByOutTradeNo(ORDER)).thenReturn(transaction(TradeState.SUCCESS));
        assertThat(orders.refresh(ORDER)).isEqualTo(WeChatOrders.Outcome.PAID);
        verify(commands).sendAndWait(new RecordWeChatPayment(ORDER, "4200000000000000000000000042", 2_500));
    }

    @Test
    void refresh_ofAnUnpaidOrder_changesNothing() {
        openOrder();
        when(weChatPay.queryByOutTradeNo(ORDER)).thenReturn(transaction(TradeState.NOTPAY));
        assertThat(orders.refresh(ORDER)).isEqualTo(WeChatOrders.Outcome.OPEN);
        verifyNoInteractions(commands);
    }

    @Test
    void refresh_ofAnOrderWeChatClosed_closesOurs() {
        openOrder();
        when(weChatPay.queryByOutTradeNo(ORDER)).thenReturn(transaction(TradeState.CLOSED));
        assertThat(orders.refresh(ORDER)).isEqualTo(WeChatOrders.Outcome.CLOSED);
        verify(commands).sendAndWait(new ClosePayment(ORDER, CloseReason.CLOSED_AT_WECHAT, "CLOSED"));
    }

    @Test
    void refresh_ofAnOrderNoLongerOpen_asksNobody() {
        assertThat(orders.refresh(ORDER)).isEqualTo(WeChatOrders.Outcome.CLOSED);
        verifyNoInteractions(weChatPay, commands);
    }

    @Test
    void orderNumbers_areValidAndStable() {
        assertThat(PaymentIds.isValid(ORDER)).isTrue();
        assertThat(ORDER).hasSize(30).startsWith("RGW").isEqualTo(WeChatPayments.orderNoFor(APPOINTMENT));
        assertThat(WeChatPayments.orderNoFor("apt-2")).isNotEqualTo(ORDER);
        assertThat(WeChatPayments.orderNoFor(APPOINTMENT, 1)).isEqualTo(ORDER);
        assertThat(WeChatPayments.orderNoFor(APPOINTMENT, 2)).hasSize(30).startsWith("RGW").isNotEqualTo(ORDER)
                .isEqualTo(WeChatPayments.orderNoFor(APPOINTMENT, 2));
        assertThat(PaymentIds.isValid(PaymentIds.lateRefundNo(ORDER))).isTrue();
    }
}
