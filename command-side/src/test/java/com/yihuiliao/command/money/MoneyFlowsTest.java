package com.yihuiliao.command.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.account.AccountCredited;
import com.yihuiliao.api.account.AccountDebited;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.MovementCause;
import com.yihuiliao.api.appointment.AppointmentBooked;
import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.AppointmentConfirmed;
import com.yihuiliao.api.appointment.AppointmentExpired;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.bill.BillIssued;
import com.yihuiliao.api.bill.BillItem;
import com.yihuiliao.api.bill.BillItemCategory;
import com.yihuiliao.api.bill.BillItemRefunded;
import com.yihuiliao.api.bill.BillPaid;
import com.yihuiliao.api.bill.PayBillWithBalance;
import com.yihuiliao.api.bill.RefundBillItem;
import com.yihuiliao.api.payment.BalancePaymentResult;
import com.yihuiliao.api.payment.PayAppointmentWithBalance;
import com.yihuiliao.api.payment.PayFromBalance;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RecordWeChatPayment;
import com.yihuiliao.api.payment.RefundCancelledAppointment;
import com.yihuiliao.api.payment.RefundPayment;
import com.yihuiliao.api.payment.RefundReserved;
import com.yihuiliao.api.payment.RefundSettled;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundResult;
import com.yihuiliao.api.refund.RefundStatus;
import com.yihuiliao.api.refund.RefundSucceeded;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.api.topup.CreditPaidTopUp;
import com.yihuiliao.api.topup.TopUpCreated;
import com.yihuiliao.api.topup.TopUpCredited;
import com.yihuiliao.api.topup.TopUpPaid;
import com.yihuiliao.api.topup.TopUpPartlyRefunded;
import com.yihuiliao.api.topup.WithdrawBalance;
import com.yihuiliao.api.topup.WithdrawalResult;
import com.yihuiliao.command.ids.PaymentIds;
import com.yihuiliao.command.topup.TopUpIds;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The money room's flows, given events on the aggregates they coordinate, one command at a time. */
class MoneyFlowsTest {

    static final String PATIENT = "p1";
    static final String ACCOUNT = AccountKind.OUTPATIENT.accountOf(PATIENT);
    static final String APPOINTMENT = "apt-1";
    static final String ORDER = "RG261124AAAAAAAAAA";
    static final String WECHAT_ORDER = WeChatPayments.orderNoFor(APPOINTMENT);
    static final String TXN = "4200000000000000000000000042";
    static final long FEE = 2_500;

    final MoneyFlowFixture fixture = new MoneyFlowFixture();

    // --- given helpers ---------------------------------------------------------------------------

    /** The patient's outpatient balance holds this much (one counter top-up). */
    MoneyFlowFixture balance(long fen) {
        return fixture.given(ACCOUNT, "Account", new AccountCredited(ACCOUNT, PATIENT, AccountKind.OUTPATIENT, fen,
                fen, MovementCause.counterTopUp("rcpt-1"), "staff-1"));
    }

    /** The appointment is held, its fee unpaid; {@code more} happened to it afterwards. */
    MoneyFlowFixture heldAppointment(Object... more) {
        Instant now = Instant.now();
        fixture.given(APPOINTMENT, "Appointment", new AppointmentBooked(APPOINTMENT, PATIENT, "sch-1", "doc-1",
                "dept-1", LocalDate.now().plusDays(3), Period.values()[0], FEE, now.plus(2, ChronoUnit.DAYS),
                now.plus(15, ChronoUnit.MINUTES)));
        return fixture.given(APPOINTMENT, "Appointment", more);
    }

    /** An order created for the appointment by this channel; paid too when {@code paid}. */
    MoneyFlowFixture order(String outTradeNo, PaymentPurpose purpose, String referenceId, long fen,
                           PaymentChannel channel, boolean paid) {
        fixture.given(outTradeNo, "Payment", new PaymentCreated(outTradeNo, purpose, referenceId, PATIENT, fen, channel));
        return paid ? fixture.given(outTradeNo, "Payment", new PaymentSucceeded(outTradeNo,
                channel == PaymentChannel.BALANCE ? MoneySteps.balanceTransaction(outTradeNo) : TXN, fen, purpose,
                referenceId, PATIENT, channel)) : fixture;
    }

    // --- paying from the balance -----------------------------------------------------------------

    @Test
    void balancePayment_debitsTheAccount_andPaysTheOrder() {
        balance(5_000).when(new PayFromBalance(ORDER, PaymentPurpose.REGISTRATION, APPOINTMENT, PATIENT, FEE))
                .expectEvents(
                        new PaymentCreated(ORDER, PaymentPurpose.REGISTRATION, APPOINTMENT, PATIENT, FEE,
                                PaymentChannel.BALANCE),
                        new AccountDebited(ACCOUNT, PATIENT, AccountKind.OUTPATIENT, FEE, 2_500,
                                MovementCause.payment(ORDER)),
                        new PaymentSucceeded(ORDER, "BALANCE-" + ORDER, FEE, PaymentPurpose.REGISTRATION, APPOINTMENT,
                                PATIENT, PaymentChannel.BALANCE))
                .expectResult(new BalancePaymentResult(ORDER, APPOINTMENT, FEE, 2_500));
    }

    @Test
    void balancePayment_withTooLittleMoney_writesNothing() {
        balance(1_000).when(new PayFromBalance(ORDER, PaymentPurpose.REGISTRATION, APPOINTMENT, PATIENT, FEE))
                .expectRefusal(ErrorCode.INSUFFICIENT_BALANCE);
    }

    @Test
    void appointmentPaidFromTheBalance_isConfirmed_andARetryAnswersTheSame() {
        balance(5_000);
        heldAppointment();
        fixture.when(new PayAppointmentWithBalance(APPOINTMENT, PATIENT, "acc-1"))
                .expectEventTypes(PaymentCreated.class, AccountDebited.class, PaymentSucceeded.class,
                        AppointmentConfirmed.class);
        BalancePaymentResult first = (BalancePaymentResult) fixture.result();
        assertThat(first.amountFen()).isEqualTo(FEE);
        assertThat(first.balanceAfterFen()).isEqualTo(2_500);
        assertThat(fixture.events().get(3)).isEqualTo(new AppointmentConfirmed(APPOINTMENT, first.outTradeNo()));

        fixture.when(new PayAppointmentWithBalance(APPOINTMENT, PATIENT, "acc-1"))
                .expectEvents()
                .expectResult(first);
    }

    // --- WeChat payments -------------------------------------------------------------------------

    @Test
    void weChatPayment_confirmsTheHeldAppointment() {
        heldAppointment();
        order(WECHAT_ORDER, PaymentPurpose.REGISTRATION, APPOINTMENT, FEE, PaymentChannel.WECHAT, false)
                .when(new RecordWeChatPayment(WECHAT_ORDER, TXN, FEE))
                .expectEvents(
                        new PaymentSucceeded(WECHAT_ORDER, TXN, FEE, PaymentPurpose.REGISTRATION, APPOINTMENT, PATIENT,
                                PaymentChannel.WECHAT),
                        new AppointmentConfirmed(APPOINTMENT, WECHAT_ORDER))
                .expectResult("CONFIRMED");
    }

    @Test
    void weChatPayment_afterTheHoldExpired_isRecorded_andRefunded() {
        heldAppointment(new AppointmentExpired(APPOINTMENT, "sch-1", PATIENT));
        String late = PaymentIds.lateRefundNo(WECHAT_ORDER);
        order(WECHAT_ORDER, PaymentPurpose.REGISTRATION, APPOINTMENT, FEE, PaymentChannel.WECHAT, false)
                .when(new RecordWeChatPayment(WECHAT_ORDER, TXN, FEE))
                .expectEvents(
                        new PaymentSucceeded(WECHAT_ORDER, TXN, FEE, PaymentPurpose.REGISTRATION, APPOINTMENT, PATIENT,
                                PaymentChannel.WECHAT),
                        new RefundReserved(WECHAT_ORDER, late, FEE, 0),
                        new RefundRequested(late, WECHAT_ORDER, FEE, RefundReason.LATE_AFTER_EXPIRY, null, "system",
                                PaymentChannel.WECHAT))
                .expectResult("LATE_REFUND");
    }

    // --- refunds ---------------------------------------------------------------------------------

    @Test
    void refund_ofABalancePayment_goesBackToTheBalanceAtOnce() {
        balance(2_500);
        order(ORDER, PaymentPurpose.REGISTRATION, APPOINTMENT, FEE, PaymentChannel.BALANCE, true)
                .when(new RefundPayment(ORDER, "RF0000000001", 1_000, "改期", "staff-1"))
                .expectEvents(
                        new RefundReserved(ORDER, "RF0000000001", 1_000, 1_500),
                        new RefundRequested("RF0000000001", ORDER, 1_000, RefundReason.STAFF_REFUND, "改期", "staff-1",
                                PaymentChannel.BALANCE),
                        new AccountCredited(ACCOUNT, PATIENT, AccountKind.OUTPATIENT, 1_000, 3_500,
                                MovementCause.refund("RF0000000001"), null),
                        new RefundSucceeded("RF0000000001", ORDER, 1_000, 3_500L, null, null, null),
                        new RefundSettled(ORDER, "RF0000000001", 1_000, 1_000))
                .expectResult(new RefundResult("RF0000000001", ORDER, 1_000, RefundStatus.SUCCEEDED));
    }

    @Test
    void refund_ofAWeChatPayment_isRequested_forWeChatPay() {
        order(WECHAT_ORDER, PaymentPurpose.REGISTRATION, APPOINTMENT, FEE, PaymentChannel.WECHAT, true)
                .when(new RefundPayment(WECHAT_ORDER, "RF0000000002", FEE, "改期", "staff-1"))
                .expectEvents(
                        new RefundReserved(WECHAT_ORDER, "RF0000000002", FEE, 0),
                        new RefundRequested("RF0000000002", WECHAT_ORDER, FEE, RefundReason.STAFF_REFUND, "改期",
                                "staff-1", PaymentChannel.WECHAT))
                .expectResult(new RefundResult("RF0000000002", WECHAT_ORDER, FEE, RefundStatus.REQUESTED));
    }

    @Test
    void cancellingAPaidAppointment_refundsWhatRemains_once() {
        balance(1_000);
        heldAppointment(new AppointmentConfirmed(APPOINTMENT, ORDER), new AppointmentCancelled(APPOINTMENT, "sch-1",
                PATIENT, CancelledBy.PATIENT, "改期", true));
        String outRefundNo = RefundFlows.cancellationRefundNo(ORDER);
        order(ORDER, PaymentPurpose.REGISTRATION, APPOINTMENT, FEE, PaymentChannel.BALANCE, true)
                .when(new RefundCancelledAppointment(APPOINTMENT, "改期"))
                .expectEvents(
                        new RefundReserved(ORDER, outRefundNo, FEE, 0),
                        new RefundRequested(outRefundNo, ORDER, FEE, RefundReason.APPOINTMENT_CANCELLED, "改期",
                                "system", PaymentChannel.BALANCE),
                        new AccountCredited(ACCOUNT, PATIENT, AccountKind.OUTPATIENT, FEE, 3_500,
                                MovementCause.refund(outRefundNo), null),
                        new RefundSucceeded(outRefundNo, ORDER, FEE, 3_500L, null, null, null),
                        new RefundSettled(ORDER, outRefundNo, FEE, FEE));
        RefundResult refunded = new RefundResult(outRefundNo, ORDER, FEE, RefundStatus.SUCCEEDED);
        fixture.expectResult(refunded)
                .when(new RefundCancelledAppointment(APPOINTMENT, "改期"))
                .expectEvents()
                .expectResult(refunded);
    }

    @Test
    void refund_aboveWhatIsRefundable_isRefused_andWritesNothing() {
        order(WECHAT_ORDER, PaymentPurpose.REGISTRATION, APPOINTMENT, FEE, PaymentChannel.WECHAT, true)
                .when(new RefundPayment(WECHAT_ORDER, "RF0000000003", FEE + 1, "多退", "staff-1"))
                .expectRefusal(ErrorCode.REFUND_EXCEEDS_PAID);
    }

    // --- bills -----------------------------------------------------------------------------------

    static final String BILL = "BI261124AAAAAAAAAA";

    @Test
    void billPaidFromTheBalance_thenOneLineRefunded_toTheBalance() {
        balance(5_000).given(BILL, "Bill", new BillIssued(BILL, "HIS-1", PATIENT, List.of(
                new BillItem(1, "L001", "血常规", BillItemCategory.LAB, 1, 2_000, 2_000),
                new BillItem(2, "P001", "阿莫西林", BillItemCategory.PRESCRIPTION, 2, 500, 1_000)),
                3_000, "dept-1", "doc-1", "staff-1"));
        fixture.when(new PayBillWithBalance(BILL, PATIENT, "acc-1"))
                .expectEventTypes(PaymentCreated.class, AccountDebited.class, PaymentSucceeded.class, BillPaid.class);
        String paidBy = ((BalancePaymentResult) fixture.result()).outTradeNo();

        fixture.when(new RefundBillItem(BILL, 2, 500L, null, "少开一盒", "RB0000000001", "staff-2"))
                .expectEventTypes(BillItemRefunded.class, RefundReserved.class, RefundRequested.class,
                        AccountCredited.class, RefundSucceeded.class, RefundSettled.class)
                .expectResult(new RefundResult("RB0000000001", paidBy, 500, RefundStatus.SUCCEEDED));
        assertThat(fixture.events().get(3)).isEqualTo(new AccountCredited(ACCOUNT, PATIENT, AccountKind.OUTPATIENT,
                500, 2_500, MovementCause.refund("RB0000000001"), null));
    }

    // --- top-ups ---------------------------------------------------------------------------------

    static final String TOPUP = "TP261124AAAAAAAAAA";

    @Test
    void paidTopUp_isCredited_thenWithdrawnThroughItsWeChatPayment() {
        String topUpOrder = TopUpIds.orderNo(TOPUP);
        fixture.given(TOPUP, "TopUp", new TopUpCreated(TOPUP, topUpOrder, PATIENT, AccountKind.OUTPATIENT, 10_000,
                PaymentChannel.WECHAT, Instant.now().plus(30, ChronoUnit.MINUTES)));
        order(topUpOrder, PaymentPurpose.TOPUP, TOPUP, 10_000, PaymentChannel.WECHAT, true)
                .when(new CreditPaidTopUp(TOPUP, topUpOrder, TXN, 10_000))
                .expectEventTypes(TopUpPaid.class, AccountCredited.class, TopUpCredited.class);
        assertThat(fixture.events().get(1)).isEqualTo(new AccountCredited(ACCOUNT, PATIENT, AccountKind.OUTPATIENT,
                10_000, 10_000, MovementCause.topUp(TOPUP), null));

        when(fixture.funding.candidates(eq(PATIENT), eq(AccountKind.OUTPATIENT), any())).thenReturn(List.of(TOPUP));
        String withdrawal = "WD261124AAAAAAAAAA";
        String outRefundNo = TopUpIds.refundNo(withdrawal, 1);
        fixture.when(new WithdrawBalance(withdrawal, PATIENT, AccountKind.OUTPATIENT, 3_000, "acc-1"))
                .expectEvents(
                        new TopUpPartlyRefunded(TOPUP, withdrawal, outRefundNo, 3_000, 7_000),
                        new RefundReserved(topUpOrder, outRefundNo, 3_000, 7_000),
                        new RefundRequested(outRefundNo, topUpOrder, 3_000, RefundReason.WITHDRAWAL, null, "acc-1",
                                PaymentChannel.WECHAT),
                        new AccountDebited(ACCOUNT, PATIENT, AccountKind.OUTPATIENT, 3_000, 7_000,
                                MovementCause.withdrawal(withdrawal)))
                .expectResult(new WithdrawalResult(withdrawal, PATIENT, AccountKind.OUTPATIENT, 3_000, 7_000,
                        List.of(new RefundResult(outRefundNo, topUpOrder, 3_000, RefundStatus.REQUESTED))));
    }

    @Test
    void withdrawal_aboveTheBalance_isRefused_andWritesNothing() {
        balance(1_000).when(new WithdrawBalance("WD261124BBBBBBBBBB", PATIENT, AccountKind.OUTPATIENT, 3_000, "acc-1"))
                .expectRefusal(ErrorCode.WITHDRAWAL_EXCEEDS_BALANCE);
    }

    @Test
    void withdrawalOfTheInpatientDeposit_whileAnAdmissionIsOpen_isRefused_andWritesNothing() {
        String deposit = AccountKind.INPATIENT.accountOf(PATIENT);
        fixture.given(deposit, "Account", new AccountCredited(deposit, PATIENT, AccountKind.INPATIENT, 10_000, 10_000,
                MovementCause.counterTopUp("rcpt-2"), "staff-1"));
        when(fixture.openAdmissions.openFor(PATIENT)).thenReturn(List.of("AD-open"));
        fixture.when(new WithdrawBalance("WD261124CCCCCCCCCC", PATIENT, AccountKind.INPATIENT, 3_000, "acc-1"))
                .expectRefusal(ErrorCode.DEPOSIT_LOCKED_BY_ADMISSION);
        // the outpatient balance is no admission's: its withdrawal is decided as before
        balance(1_000).when(new WithdrawBalance("WD261124DDDDDDDDDD", PATIENT, AccountKind.OUTPATIENT, 3_000, "acc-1"))
                .expectRefusal(ErrorCode.WITHDRAWAL_EXCEEDS_BALANCE);
    }
}
