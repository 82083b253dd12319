package com.yihuiliao.command.topup;

import static com.yihuiliao.command.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.topup.TopUpCreated;
import com.yihuiliao.api.topup.TopUpCredited;
import com.yihuiliao.api.topup.TopUpPaid;
import com.yihuiliao.api.topup.TopUpPartlyRefunded;
import com.yihuiliao.api.topup.TopUpRefundRestored;
import com.yihuiliao.api.topup.TopUpStatus;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TopUpTest {

    static final String TOPUP = "TP261124AAAAAAAAAA";
    static final String ORDER = "TU261124AAAAAAAAAA";
    static final String PATIENT = "p1";
    static final long AMOUNT = 10_000;
    static final String TXN = "4200001234";
    static final Instant PAID_AT = Instant.parse("2026-11-24T02:00:00Z");
    static final Instant EXPIRES_AT = Instant.parse("2026-11-24T02:30:00Z");
    static final Instant LATER = PAID_AT.plus(Duration.ofDays(30));

    private FixtureConfiguration<TopUp> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TopUp.class);
    }

    static CreateTopUp create(long amount) {
        return new CreateTopUp(TOPUP, ORDER, PATIENT, AccountKind.OUTPATIENT, amount, EXPIRES_AT);
    }

    static TopUpCreated created() {
        return new TopUpCreated(TOPUP, ORDER, PATIENT, AccountKind.OUTPATIENT, AMOUNT, PaymentChannel.WECHAT,
                EXPIRES_AT);
    }

    static TopUpPaid paid() {
        return new TopUpPaid(TOPUP, ORDER, TXN, AMOUNT, PAID_AT);
    }

    static TopUpCredited credited() {
        return new TopUpCredited(TOPUP, ORDER, PATIENT, AccountKind.OUTPATIENT, AMOUNT, PAID_AT, AMOUNT);
    }

    static WithdrawFromTopUp withdraw(String outRefundNo, long amount) {
        return new WithdrawFromTopUp(TOPUP, "WD1", outRefundNo, amount, LATER);
    }

    // --- created ----------------------------------------------------------------------------------

    @Test
    void created_forAPatientsAccount_withItsWeChatOrder() {
        fixture.givenNoPriorActivity()
                .when(create(AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created())
                .expectState(topUp -> {
                    assertThat(topUp.status()).isEqualTo(TopUpStatus.CREATED);
                    assertThat(topUp.refundableFenAt(LATER)).isZero();
                });
    }

    @Test
    void amount_isOneFenToFiftyThousandYuan() {
        fixture.givenNoPriorActivity().when(create(1)).expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity().when(create(TopUp.MAX_FEN)).expectSuccessfulHandlerExecution();
        for (long refused : new long[]{0, -100, TopUp.MAX_FEN + 1}) {
            fixture.givenNoPriorActivity()
                    .when(create(refused))
                    .expectNoEvents()
                    .expectException(violation(ErrorCode.TOPUP_AMOUNT_OUT_OF_RANGE));
        }
    }

    @Test
    void ids_mustBeValidOrderNumbers() {
        fixture.givenNoPriorActivity()
                .when(new CreateTopUp(TOPUP, "TU 1", PATIENT, AccountKind.OUTPATIENT, AMOUNT, EXPIRES_AT))
                .expectException(violation(ErrorCode.INVALID_PAYMENT_ID));
        fixture.givenNoPriorActivity()
                .when(new CreateTopUp(TOPUP, ORDER, PATIENT, null, AMOUNT, EXPIRES_AT))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    // --- paid once ----------------------------------------------------------------------------------

    @Test
    void paid_byItsOrder() {
        fixture.given(created())
                .when(new RecordTopUpPaid(TOPUP, ORDER, TXN, AMOUNT, PAID_AT))
                .expectEvents(paid())
                .expectState(topUp -> assertThat(topUp.status()).isEqualTo(TopUpStatus.PAID));
    }

    @Test
    void paid_again_byTheSameTransaction_isANoOp() {
        fixture.given(created(), paid())
                .when(new RecordTopUpPaid(TOPUP, ORDER, TXN, AMOUNT, LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(created(), paid(), credited())
                .when(new RecordTopUpPaid(TOPUP, ORDER, TXN, AMOUNT, LATER))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void paid_byAnotherTransaction_isRefused() {
        fixture.given(created(), paid())
                .when(new RecordTopUpPaid(TOPUP, ORDER, "4200009999", AMOUNT, LATER))
                .expectNoEvents()
                .expectException(violation(ErrorCode.PAYMENT_NOT_PAYABLE));
    }

    @Test
    void paid_anotherAmount_orByAnotherOrder_isRefused() {
        fixture.given(created())
                .when(new RecordTopUpPaid(TOPUP, ORDER, TXN, AMOUNT - 1, PAID_AT))
                .expectNoEvents()
                .expectException(violation(ErrorCode.PAYMENT_AMOUNT_MISMATCH));
        fixture.given(created())
                .when(new RecordTopUpPaid(TOPUP, "TU261124BBBBBBBBBB", TXN, AMOUNT, PAID_AT))
                .expectNoEvents()
                .expectException(violation(ErrorCode.PAYMENT_NOT_FOUND));
    }

    // --- credited once --------------------------------------------------------------------------------

    @Test
    void credited_onceWhenPaid_andThenAllRefundable() {
        fixture.given(created(), paid())
                .when(new RecordTopUpCredited(TOPUP, AMOUNT))
                .expectEvents(credited())
                .expectState(topUp -> assertThat(topUp.refundableFenAt(LATER)).isEqualTo(AMOUNT));
        fixture.given(created(), paid(), credited())
                .when(new RecordTopUpCredited(TOPUP, AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void credited_beforeBeingPaid_isRefused() {
        fixture.given(created())
                .when(new RecordTopUpCredited(TOPUP, AMOUNT))
                .expectNoEvents()
                .expectException(violation(ErrorCode.TOPUP_NOT_CREDITED));
    }

    // --- withdrawals take back what is refundable -------------------------------------------------------

    @Test
    void withdrawal_takesAPortion() {
        fixture.given(created(), paid(), credited())
                .when(withdraw("WD261124A1-1", 3_000))
                .expectEvents(new TopUpPartlyRefunded(TOPUP, "WD1", "WD261124A1-1", 3_000, 7_000))
                .expectState(topUp -> {
                    assertThat(topUp.refundableFenAt(LATER)).isEqualTo(7_000);
                    assertThat(topUp.openPortionFen("WD261124A1-1")).isEqualTo(3_000);
                });
    }

    @Test
    void withdrawal_ofMoreThanRefundable_isRefused() {
        fixture.given(created(), paid(), credited(), new TopUpPartlyRefunded(TOPUP, "WD0", "WD261124A0-1", 8_000, 2_000))
                .when(withdraw("WD261124A1-1", 2_001))
                .expectNoEvents()
                .expectException(violation(ErrorCode.TOPUP_REFUND_EXCEEDS));
        fixture.given(created(), paid(), credited(), new TopUpPartlyRefunded(TOPUP, "WD0", "WD261124A0-1", 8_000, 2_000))
                .when(withdraw("WD261124A1-1", 2_000))
                .expectEvents(new TopUpPartlyRefunded(TOPUP, "WD1", "WD261124A1-1", 2_000, 0));
    }

    @Test
    void withdrawal_repeated_isANoOp_andAnotherAmountUnderTheSameRefund_isAConflict() {
        TopUpPartlyRefunded first = new TopUpPartlyRefunded(TOPUP, "WD1", "WD261124A1-1", 3_000, 7_000);
        fixture.given(created(), paid(), credited(), first)
                .when(withdraw("WD261124A1-1", 3_000))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(created(), paid(), credited(), first)
                .when(withdraw("WD261124A1-1", 4_000))
                .expectNoEvents()
                .expectException(violation(ErrorCode.IDEMPOTENCY_CONFLICT));
    }

    @Test
    void withdrawal_ofATopUpNotCredited_orOfNothing_isRefused() {
        fixture.given(created(), paid())
                .when(withdraw("WD261124A1-1", 100))
                .expectNoEvents()
                .expectException(violation(ErrorCode.TOPUP_NOT_CREDITED));
        fixture.given(created(), paid(), credited())
                .when(withdraw("WD261124A1-1", 0))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_AMOUNT));
    }

    @Test
    void withdrawal_afterWeChatsRefundWindow_isRefused() {
        Instant lastMoment = PAID_AT.plus(TopUp.REFUND_WINDOW).minusSeconds(1);
        fixture.given(created(), paid(), credited())
                .when(new WithdrawFromTopUp(TOPUP, "WD1", "WD261124A1-1", 100, lastMoment))
                .expectSuccessfulHandlerExecution();
        fixture.given(created(), paid(), credited())
                .when(new WithdrawFromTopUp(TOPUP, "WD1", "WD261124A1-1", 100, PAID_AT.plus(TopUp.REFUND_WINDOW)))
                .expectNoEvents()
                .expectException(violation(ErrorCode.TOPUP_REFUND_WINDOW_PASSED));
        // nothing of it is offered to a withdrawal any more
        new AggregateTestFixture<>(TopUp.class).given(created(), paid(), credited())
                .when(new RecordTopUpCredited(TOPUP, AMOUNT))
                .expectState(topUp -> assertThat(topUp.refundableFenAt(PAID_AT.plus(TopUp.REFUND_WINDOW))).isZero());
    }

    // --- a failed refund gives its portion back, once ----------------------------------------------------

    @Test
    void failedRefund_restoresItsPortion_once() {
        TopUpPartlyRefunded taken = new TopUpPartlyRefunded(TOPUP, "WD1", "WD261124A1-1", 3_000, 7_000);
        fixture.given(created(), paid(), credited(), taken)
                .when(new RestoreTopUpRefund(TOPUP, "WD261124A1-1"))
                .expectEvents(new TopUpRefundRestored(TOPUP, "WD261124A1-1", 3_000, 10_000))
                .expectState(topUp -> {
                    assertThat(topUp.refundableFenAt(LATER)).isEqualTo(AMOUNT);
                    assertThat(topUp.openPortionFen("WD261124A1-1")).isZero();
                });
        fixture.given(created(), paid(), credited(), taken, new TopUpRefundRestored(TOPUP, "WD261124A1-1", 3_000, 10_000))
                .when(new RestoreTopUpRefund(TOPUP, "WD261124A1-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // restored money can be withdrawn again, under another refund
        fixture.given(created(), paid(), credited(), taken, new TopUpRefundRestored(TOPUP, "WD261124A1-1", 3_000, 10_000))
                .when(withdraw("WD261124A2-1", AMOUNT))
                .expectEvents(new TopUpPartlyRefunded(TOPUP, "WD1", "WD261124A2-1", AMOUNT, 0));
    }

    @Test
    void restoring_aRefundNoWithdrawalMade_isRefused() {
        fixture.given(created(), paid(), credited())
                .when(new RestoreTopUpRefund(TOPUP, "RF261124XXXXXXXXXX"))
                .expectNoEvents()
                .expectException(violation(ErrorCode.REFUND_NOT_FOUND));
    }

    // --- numbers ---------------------------------------------------------------------------------------

    @Test
    void aTopUpAndItsOrder_shareTheirDigits() {
        String topUpId = TopUpIds.newTopUp();
        assertThat(topUpId).matches("^TP\\d{6}[0-9A-Z]{10}$");
        String order = TopUpIds.orderNo(topUpId);
        assertThat(order).isEqualTo("TU" + topUpId.substring(2));
        assertThat(TopUpIds.topUpOf(order)).isEqualTo(topUpId);
        assertThat(TopUpIds.topUpOf("RG261124AAAAAAAAAA")).isNull();
        String again = TopUpIds.topUpForRequest("acc", PATIENT, AccountKind.OUTPATIENT, "r1");
        assertThat(again).isEqualTo(TopUpIds.topUpForRequest("acc", PATIENT, AccountKind.OUTPATIENT, "r1"))
                .isNotEqualTo(TopUpIds.topUpForRequest("acc", PATIENT, AccountKind.INPATIENT, "r1"));
        assertThat(TopUpIds.orderNo(again)).hasSizeLessThanOrEqualTo(32);
        assertThat(TopUpIds.refundNo(TopUpIds.withdrawalForRequest("acc", PATIENT, AccountKind.OUTPATIENT, "r1"), 12))
                .hasSizeLessThanOrEqualTo(32);
    }
}
