package com.yihuiliao.command.money;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.account.AccountCredited;
import com.yihuiliao.api.account.AccountDebited;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.MovementCause;
import com.yihuiliao.api.exam.CancelExamBooking;
import com.yihuiliao.api.exam.ExamBooked;
import com.yihuiliao.api.exam.ExamBookingCancelled;
import com.yihuiliao.api.exam.ExamBookingExpired;
import com.yihuiliao.api.exam.ExamBookingPaid;
import com.yihuiliao.api.exam.ExamCancellation;
import com.yihuiliao.api.exam.PayExamWithBalance;
import com.yihuiliao.api.payment.BalancePaymentResult;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RecordWeChatPayment;
import com.yihuiliao.api.payment.RefundReserved;
import com.yihuiliao.api.payment.RefundSettled;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundStatus;
import com.yihuiliao.api.refund.RefundSucceeded;
import com.yihuiliao.command.ids.PaymentIds;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Exam bookings' money: paid from the balance or WeChat Pay, a late payment refunded, a cancellation refunded once. */
class ExamMoneyFlowsTest {

    static final String PATIENT = "p1";
    static final String ACCOUNT = AccountKind.OUTPATIENT.accountOf(PATIENT);
    static final String BOOKING = "exb-1";
    static final String DAY = "examday:pkg-1:2030-01-10";
    static final String ORDER = "EX261124AAAAAAAAAA";
    static final String WECHAT_ORDER = ExamPayments.weChatOrderNo(BOOKING, 1);
    static final String TXN = "4200000000000000000000000099";
    static final long PRICE = 39_900;

    final MoneyFlowFixture fixture = new MoneyFlowFixture();

    MoneyFlowFixture balance(long fen) {
        return fixture.given(ACCOUNT, "Account", new AccountCredited(ACCOUNT, PATIENT, AccountKind.OUTPATIENT, fen,
                fen, MovementCause.counterTopUp("rcpt-1"), "staff-1"));
    }

    MoneyFlowFixture booked(Object... more) {
        Instant now = Instant.now();
        fixture.given(BOOKING, "ExamBooking", new ExamBooked(BOOKING, "TJ20300110ABCDEF1234", DAY, PATIENT, "pkg-1",
                "入职体检", LocalDate.of(2030, 1, 10), PRICE, "07:30-09:30", "体检中心", "空腹",
                now.plus(Duration.ofMinutes(30)), now.plus(Duration.ofDays(30))));
        return fixture.given(BOOKING, "ExamBooking", more);
    }

    @Test
    void paidFromTheBalance_debitsTheAccountAndPaysTheBooking() {
        balance(50_000);
        booked().when(new PayExamWithBalance(BOOKING, PATIENT, "acc-1"))
                .expectEventTypes(PaymentCreated.class, AccountDebited.class, PaymentSucceeded.class,
                        ExamBookingPaid.class);
        BalancePaymentResult paid = (BalancePaymentResult) fixture.result();
        assertThat(paid.outTradeNo()).startsWith("EX");
        assertThat(paid.balanceAfterFen()).isEqualTo(50_000 - PRICE);
        // a retry answers the same payment and writes nothing
        fixture.when(new PayExamWithBalance(BOOKING, PATIENT, "acc-1")).expectEvents().expectResult(paid);
    }

    @Test
    void tooLittleBalance_writesNothing() {
        balance(PRICE - 1);
        booked().when(new PayExamWithBalance(BOOKING, PATIENT, "acc-1")).expectRefusal(ErrorCode.INSUFFICIENT_BALANCE);
    }

    @Test
    void aWeChatPaymentOfAHeldBooking_paysIt() {
        booked();
        fixture.given(WECHAT_ORDER, "Payment", new PaymentCreated(WECHAT_ORDER, PaymentPurpose.EXAM, BOOKING, PATIENT,
                        PRICE, PaymentChannel.WECHAT))
                .when(new RecordWeChatPayment(WECHAT_ORDER, TXN, PRICE))
                .expectEvents(new PaymentSucceeded(WECHAT_ORDER, TXN, PRICE, PaymentPurpose.EXAM, BOOKING, PATIENT,
                                PaymentChannel.WECHAT),
                        new ExamBookingPaid(BOOKING, DAY, PATIENT, WECHAT_ORDER, PaymentChannel.WECHAT, PRICE))
                .expectResult("PAID");
    }

    @Test
    void aWeChatPaymentAfterExpiry_isRefundedToWeChat() {
        booked(new ExamBookingExpired(BOOKING, DAY, PATIENT));
        String outRefundNo = PaymentIds.lateRefundNo(WECHAT_ORDER);
        fixture.given(WECHAT_ORDER, "Payment", new PaymentCreated(WECHAT_ORDER, PaymentPurpose.EXAM, BOOKING, PATIENT,
                        PRICE, PaymentChannel.WECHAT))
                .when(new RecordWeChatPayment(WECHAT_ORDER, TXN, PRICE))
                .expectEventTypes(PaymentSucceeded.class, RefundReserved.class, RefundRequested.class)
                .expectResult("LATE_REFUND");
        RefundRequested requested = (RefundRequested) fixture.events().get(2);
        assertThat(requested.outRefundNo()).isEqualTo(outRefundNo);
        assertThat(requested.amountFen()).isEqualTo(PRICE);
        assertThat(requested.reason()).isEqualTo(RefundReason.LATE_AFTER_EXPIRY);
        assertThat(requested.channel()).isEqualTo(PaymentChannel.WECHAT);
    }

    @Test
    void cancellingABalancePaidBooking_refundsItOnce() {
        balance(50_000);
        booked(new ExamBookingPaid(BOOKING, DAY, PATIENT, ORDER, PaymentChannel.BALANCE, PRICE));
        fixture.given(ORDER, "Payment",
                new PaymentCreated(ORDER, PaymentPurpose.EXAM, BOOKING, PATIENT, PRICE, PaymentChannel.BALANCE),
                new PaymentSucceeded(ORDER, MoneySteps.balanceTransaction(ORDER), PRICE, PaymentPurpose.EXAM, BOOKING,
                        PATIENT, PaymentChannel.BALANCE));
        fixture.given(ACCOUNT, "Account", new AccountDebited(ACCOUNT, PATIENT, AccountKind.OUTPATIENT, PRICE,
                50_000 - PRICE, MovementCause.payment(ORDER)));
        String outRefundNo = RefundFlows.cancellationRefundNo(ORDER);

        fixture.when(new CancelExamBooking(BOOKING, PATIENT, "acc-1", "改期"))
                .expectEventTypes(ExamBookingCancelled.class, RefundReserved.class, RefundRequested.class,
                        AccountCredited.class, RefundSucceeded.class, RefundSettled.class);
        assertThat(fixture.events().get(0)).isEqualTo(new ExamBookingCancelled(BOOKING, DAY, PATIENT,
                com.yihuiliao.api.appointment.CancelledBy.PATIENT, "改期", ORDER));
        RefundRequested requested = (RefundRequested) fixture.events().get(2);
        assertThat(requested.outRefundNo()).isEqualTo(outRefundNo);
        assertThat(requested.reason()).isEqualTo(RefundReason.EXAM_CANCELLED);
        assertThat(requested.amountFen()).isEqualTo(PRICE);
        assertThat(((AccountCredited) fixture.events().get(3)).balanceAfterFen()).isEqualTo(50_000);
        ExamCancellation first = (ExamCancellation) fixture.result();
        assertThat(first.refund().status()).isEqualTo(RefundStatus.SUCCEEDED);

        fixture.when(new CancelExamBooking(BOOKING, PATIENT, "acc-1", null)).expectEvents();
        assertThat(((ExamCancellation) fixture.result()).refund().outRefundNo()).isEqualTo(outRefundNo);
    }
}
