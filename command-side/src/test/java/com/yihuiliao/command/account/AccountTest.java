package com.yihuiliao.command.account;

import static com.yihuiliao.command.Violations.violation;
import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.account.AccountCredited;
import com.yihuiliao.api.account.AccountDebited;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.CreditAccount;
import com.yihuiliao.api.account.MovementCause;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountTest {

    static final String PATIENT = "p1";
    static final AccountKind KIND = AccountKind.OUTPATIENT;
    static final String ACCOUNT = "p1:OUTPATIENT";
    static final MovementCause TOPUP = MovementCause.counterTopUp("R-1");
    static final MovementCause PAY = MovementCause.payment("RG261124AAAA");

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    static AccountCredited credited(long amount, long after, MovementCause cause) {
        return new AccountCredited(ACCOUNT, PATIENT, KIND, amount, after, cause);
    }

    static AccountDebited debited(long amount, long after, MovementCause cause) {
        return new AccountDebited(ACCOUNT, PATIENT, KIND, amount, after, cause);
    }

    @Test
    void theIdIsPatientAndKind() {
        assertThat(AccountKind.INPATIENT.accountOf("p9")).isEqualTo("p9:INPATIENT");
        assertThat(CreditAccount.of("p9", AccountKind.INPATIENT, 1, TOPUP).accountId()).isEqualTo("p9:INPATIENT");
    }

    // --- credit ---------------------------------------------------------------------------------

    @Test
    void credit_theFirstCreditOpensTheAccount() {
        fixture.givenNoPriorActivity()
                .when(CreditAccount.of(PATIENT, KIND, 1_000, TOPUP))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1_000L)
                .expectEvents(credited(1_000, 1_000, TOPUP))
                .expectState(account -> assertThat(account.balanceFen()).isEqualTo(1_000));
    }

    @Test
    void credit_addsToTheBalance() {
        fixture.given(credited(1_000, 1_000, TOPUP))
                .when(CreditAccount.of(PATIENT, KIND, 500, MovementCause.counterTopUp("R-2")))
                .expectResultMessagePayload(1_500L)
                .expectEvents(credited(500, 1_500, MovementCause.counterTopUp("R-2")));
    }

    @Test
    void credit_aCauseAlreadyAppliedIsANoOp() {
        fixture.given(credited(1_000, 1_000, TOPUP))
                .when(CreditAccount.of(PATIENT, KIND, 1_000, TOPUP))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(1_000L)
                .expectNoEvents();
    }

    @Test
    void credit_theSameCauseWithAnotherAmountIsRefused() {
        fixture.given(credited(1_000, 1_000, TOPUP))
                .when(CreditAccount.of(PATIENT, KIND, 2_000, TOPUP))
                .expectException(violation(ErrorCode.IDEMPOTENCY_CONFLICT))
                .expectNoEvents();
    }

    @Test
    void credit_zeroIsRefused() {
        fixture.givenNoPriorActivity()
                .when(CreditAccount.of(PATIENT, KIND, 0, TOPUP))
                .expectException(violation(ErrorCode.INVALID_AMOUNT))
                .expectNoEvents();
    }

    @Test
    void credit_aNegativeAmountIsRefused() {
        fixture.given(credited(1_000, 1_000, TOPUP))
                .when(CreditAccount.of(PATIENT, KIND, -5, MovementCause.counterTopUp("R-2")))
                .expectException(violation(ErrorCode.INVALID_AMOUNT))
                .expectNoEvents();
    }

    @Test
    void credit_withoutACauseIsRefused() {
        fixture.givenNoPriorActivity()
                .when(CreditAccount.of(PATIENT, KIND, 100, new MovementCause("COUNTER_TOPUP", " ")))
                .expectException(violation(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void credit_anIdThatIsNotPatientAndKindIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreditAccount("p2:OUTPATIENT", PATIENT, KIND, 100, TOPUP))
                .expectException(violation(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void credit_aRefundAfterAPaymentWithTheSameReferenceIsItsOwnCause() {
        fixture.given(credited(1_000, 1_000, TOPUP), debited(300, 700, PAY))
                .when(CreditAccount.of(PATIENT, KIND, 300, MovementCause.refund("RG261124AAAA")))
                .expectEvents(credited(300, 1_000, MovementCause.refund("RG261124AAAA")));
    }

    // --- debit ----------------------------------------------------------------------------------

    @Test
    void debit_takesFromTheBalance() {
        fixture.given(credited(1_000, 1_000, TOPUP))
                .when(DebitAccount.of(PATIENT, KIND, 300, PAY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(700L)
                .expectEvents(debited(300, 700, PAY))
                .expectState(account -> assertThat(account.balanceFen()).isEqualTo(700));
    }

    @Test
    void debit_theWholeBalance() {
        fixture.given(credited(1_000, 1_000, TOPUP))
                .when(DebitAccount.of(PATIENT, KIND, 1_000, PAY))
                .expectEvents(debited(1_000, 0, PAY));
    }

    @Test
    void debit_moreThanTheBalanceIsRefused() {
        fixture.given(credited(1_000, 1_000, TOPUP))
                .when(DebitAccount.of(PATIENT, KIND, 1_001, PAY))
                .expectException(violation(ErrorCode.INSUFFICIENT_BALANCE))
                .expectExceptionMessage("The balance is 1000 fen; 1001 fen are needed.")
                .expectNoEvents();
    }

    @Test
    void debit_anAccountNeverCreditedHasNoMoney() {
        fixture.givenNoPriorActivity()
                .when(DebitAccount.of(PATIENT, KIND, 1, PAY))
                .expectException(violation(ErrorCode.INSUFFICIENT_BALANCE))
                .expectNoEvents();
    }

    @Test
    void debit_aCauseAlreadyAppliedIsANoOp() {
        fixture.given(credited(1_000, 1_000, TOPUP), debited(300, 700, PAY))
                .when(DebitAccount.of(PATIENT, KIND, 300, PAY))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(700L)
                .expectNoEvents();
    }

    @Test
    void debit_aRepeatIsANoOpEvenWhenTheBalanceIsNowTooLow() {
        fixture.given(credited(1_000, 1_000, TOPUP), debited(800, 200, PAY))
                .when(DebitAccount.of(PATIENT, KIND, 800, PAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void debit_theSameCauseWithAnotherAmountIsRefused() {
        fixture.given(credited(1_000, 1_000, TOPUP), debited(300, 700, PAY))
                .when(DebitAccount.of(PATIENT, KIND, 200, PAY))
                .expectException(violation(ErrorCode.IDEMPOTENCY_CONFLICT))
                .expectNoEvents();
    }

    @Test
    void debit_zeroIsRefused() {
        fixture.given(credited(1_000, 1_000, TOPUP))
                .when(DebitAccount.of(PATIENT, KIND, 0, PAY))
                .expectException(violation(ErrorCode.INVALID_AMOUNT))
                .expectNoEvents();
    }

    @Test
    void debit_withoutACauseIsRefused() {
        fixture.given(credited(1_000, 1_000, TOPUP))
                .when(DebitAccount.of(PATIENT, KIND, 100, null))
                .expectException(violation(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void balance_followsEveryMovement() {
        fixture.givenCommands(CreditAccount.of(PATIENT, KIND, 1_000, TOPUP),
                        DebitAccount.of(PATIENT, KIND, 400, PAY),
                        CreditAccount.of(PATIENT, KIND, 400, MovementCause.refund("RC-1")))
                .when(DebitAccount.of(PATIENT, KIND, 1_000, MovementCause.payment("RG261124BBBB")))
                .expectEvents(debited(1_000, 0, MovementCause.payment("RG261124BBBB")))
                .expectState(account -> assertThat(account.balanceFen()).isZero());
    }
}
