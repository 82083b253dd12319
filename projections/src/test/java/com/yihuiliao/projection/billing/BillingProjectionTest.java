package com.yihuiliao.projection.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.yihuiliao.api.account.AccountCredited;
import com.yihuiliao.api.account.AccountDebited;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.account.MovementCause;
import com.yihuiliao.api.billing.AccountMovement;
import com.yihuiliao.api.billing.FindAccountMovements;
import com.yihuiliao.api.billing.FindPaymentRecord;
import com.yihuiliao.api.billing.FindPaymentRecords;
import com.yihuiliao.api.billing.FindRefundRecords;
import com.yihuiliao.api.billing.PaymentRecord;
import com.yihuiliao.api.billing.PaymentRecordDetail;
import com.yihuiliao.api.billing.PaymentRecordStatus;
import com.yihuiliao.api.billing.RefundRecord;
import com.yihuiliao.api.payment.CloseReason;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RefundSettled;
import com.yihuiliao.api.refund.RefundFailed;
import com.yihuiliao.api.refund.RefundFailure;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundStatus;
import com.yihuiliao.api.refund.RefundSucceeded;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The billing read models on the real migration (H2 in MySQL mode): redelivery, order, business dates, sums. */
class BillingProjectionTest {

    // 01:30 in Shanghai on the 24th is still the 23rd in UTC: the business date is Shanghai's
    static final Instant CREATED = Instant.parse("2026-11-23T17:20:00Z");
    static final Instant PAID = Instant.parse("2026-11-23T17:30:00Z");
    static final Instant REFUNDED = Instant.parse("2026-11-24T02:00:00Z");
    static final LocalDate SHANGHAI_DAY = LocalDate.parse("2026-11-24");

    JdbcTemplate jdbc;
    BillingProjection projection;
    BillingQueries queries;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        new ResourceDatabasePopulator(new ClassPathResource("db/migration/V207__billing_records.sql"),
                new ClassPathResource("db/migration/V208__refund_channel_result.sql"),
                new ClassPathResource("db/migration/V215__billing_reasons_as_codes.sql")).execute(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        projection = new BillingProjection(jdbc);
        queries = new BillingQueries(jdbc);
    }

    PaymentCreated created(String outTradeNo, String patientId, long amountFen) {
        return new PaymentCreated(outTradeNo, PaymentPurpose.REGISTRATION, "appt-" + outTradeNo, patientId, amountFen,
                PaymentChannel.BALANCE);
    }

    PaymentSucceeded succeeded(String outTradeNo, String patientId, long amountFen) {
        return new PaymentSucceeded(outTradeNo, "BALANCE-" + outTradeNo, amountFen, PaymentPurpose.REGISTRATION,
                "appt-" + outTradeNo, patientId, PaymentChannel.BALANCE);
    }

    PaymentRecord payment(String outTradeNo) {
        PaymentRecordDetail detail = queries.handle(new FindPaymentRecord(outTradeNo));
        return detail == null ? null : detail.payment();
    }

    @Test
    void aPaymentMovesForwardOnlyAndCountsOnItsShanghaiPaidDate() {
        projection.on(created("RG1", "p1", 3_000), 0, CREATED);
        projection.on(succeeded("RG1", "p1", 3_000), 1, PAID);
        projection.on(new RefundSettled("RG1", "RF1", 1_000, 1_000), 3);

        // redelivered events change nothing: not the row, not the status
        projection.on(created("RG1", "p1", 3_000), 0, CREATED);
        projection.on(succeeded("RG1", "p1", 3_000), 1, PAID);

        PaymentRecord record = payment("RG1");
        assertThat(record.status()).isEqualTo(PaymentRecordStatus.PARTLY_REFUNDED);
        assertThat(record.refundedFen()).isEqualTo(1_000);
        assertThat(record.paidAt()).isEqualTo(PAID);
        assertThat(record.createdAt()).isEqualTo(CREATED);
        assertThat(record.transactionId()).isEqualTo("BALANCE-RG1");
        assertThat(record.businessDate()).isEqualTo(SHANGHAI_DAY);
        assertThat(jdbc.queryForObject("SELECT paid_at FROM payment_record", String.class)).startsWith("2026-11-23 17:30");

        projection.on(new RefundSettled("RG1", "RF2", 2_000, 3_000), 5);
        assertThat(payment("RG1").status()).isEqualTo(PaymentRecordStatus.REFUNDED);
        assertThat(payment("RG1").refundedFen()).isEqualTo(3_000);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_record", Integer.class)).isEqualTo(1);
    }

    @Test
    void anUnpaidOrderClosesWithoutABusinessDate() {
        projection.on(created("RG2", "p1", 3_000), 0, CREATED);
        projection.on(new PaymentClosed("RG2", CloseReason.HOLD_EXPIRED, null), 1, PAID);

        PaymentRecord record = payment("RG2");
        assertThat(record.status()).isEqualTo(PaymentRecordStatus.CLOSED);
        // the record keeps the code; the query API words it
        assertThat(record.closeReasonCode()).isEqualTo(CloseReason.HOLD_EXPIRED);
        assertThat(record.closeReason()).isNull();
        assertThat(record.closedAt()).isEqualTo(PAID);
        assertThat(record.businessDate()).isNull();
        assertThat(queries.handle(new FindPaymentRecords(SHANGHAI_DAY, SHANGHAI_DAY, null, null, null, null, null, 50))
                .total()).isZero();
    }

    @Test
    void aRefundCarriesItsPaymentsPatientAndPurposeAndFinishesOnce() {
        projection.on(created("RG3", "p1", 3_000), 0, CREATED);
        projection.on(new RefundRequested("RF3", "RG3", 1_000, RefundReason.STAFF_REFUND, "多收", "finance-1",
                PaymentChannel.WECHAT), 0, PAID);
        projection.on(new RefundSucceeded("RF3", "RG3", 1_000, null, "503", "支付用户零钱", null), 1, REFUNDED);
        // redelivered: still one refund, still succeeded
        projection.on(new RefundRequested("RF3", "RG3", 1_000, RefundReason.STAFF_REFUND, "多收", "finance-1",
                PaymentChannel.WECHAT), 0, PAID);
        projection.on(new RefundFailed("RF3", "RG3", 1_000, RefundFailure.CLOSED_BY_WECHAT, null), 1, REFUNDED);

        RefundRecord refund = queries.handle(new FindPaymentRecord("RG3")).refunds().get(0);
        assertThat(refund.patientId()).isEqualTo("p1");
        assertThat(refund.purpose()).isEqualTo(PaymentPurpose.REGISTRATION);
        assertThat(refund.status()).isEqualTo(RefundStatus.SUCCEEDED);
        assertThat(refund.failureCode()).isNull();
        assertThat(refund.reasonCode()).isEqualTo(RefundReason.STAFF_REFUND);
        assertThat(refund.reasonNote()).isEqualTo("多收");
        assertThat(refund.weChatRefundId()).isEqualTo("503");
        assertThat(refund.receivedBy()).isEqualTo("支付用户零钱");
        assertThat(refund.finishedAt()).isEqualTo(REFUNDED);
        assertThat(refund.businessDate()).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(refund.operator()).isEqualTo("finance-1");

        // a refund seen before its payment gets the payment's patient when the payment arrives
        projection.on(new RefundRequested("RF4", "RG4", 500, RefundReason.STAFF_REFUND, "x", "op",
                PaymentChannel.BALANCE), 0, PAID);
        projection.on(new RefundFailed("RF4", "RG4", 500, RefundFailure.REFUSED_BY_WECHAT, "NOT_ENOUGH"), 1, REFUNDED);
        projection.on(created("RG4", "p2", 800), 0, CREATED);
        ListPage<RefundRecord> p2 = queries.handle(new FindRefundRecords(null, null, "p2", RefundStatus.FAILED, null, null,
                50));
        assertThat(p2.items()).extracting(RefundRecord::outRefundNo, RefundRecord::failureCode, RefundRecord::failureDetail)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("RF4", RefundFailure.REFUSED_BY_WECHAT, "NOT_ENOUGH"));
        assertThat(p2.sums()).containsExactly(entry("amountSumFen", 500L));
    }

    @Test
    void movementsAreOnePerSequenceAndRebuildTheBalance() {
        String account = AccountKind.OUTPATIENT.accountOf("p1");
        projection.on(new AccountCredited(account, "p1", AccountKind.OUTPATIENT, 5_000, 5_000,
                MovementCause.counterTopUp("R1")), 0, CREATED.minusSeconds(86_400)); // the day before
        projection.on(new AccountDebited(account, "p1", AccountKind.OUTPATIENT, 3_000, 2_000,
                MovementCause.payment("RG1")), 1, PAID);
        projection.on(new AccountCredited(account, "p1", AccountKind.OUTPATIENT, 1_000, 3_000,
                new MovementCause("WITHDRAWAL_REVERSED", "W1")), 2, REFUNDED);
        projection.on(new AccountDebited(account, "p1", AccountKind.OUTPATIENT, 3_000, 2_000,
                MovementCause.payment("RG1")), 1, PAID);
        projection.on(new AccountCredited(AccountKind.INPATIENT.accountOf("p1"), "p1", AccountKind.INPATIENT, 9_000,
                9_000, MovementCause.counterTopUp("R2")), 0, PAID);

        ListPage<AccountMovement> outpatient = queries.handle(new FindAccountMovements("p1", AccountKind.OUTPATIENT, null,
                null, null, 50));
        assertThat(outpatient.total()).isEqualTo(3);
        assertThat(outpatient.items().get(0).causeType()).isEqualTo("WITHDRAWAL_REVERSED");
        assertThat(outpatient.sums().get("creditSumFen") - outpatient.sums().get("debitSumFen"))
                .isEqualTo(outpatient.items().get(0)
                .balanceAfterFen());
        assertThat(queries.handle(new FindAccountMovements("p1", null, null, null, null, 50)).total()).isEqualTo(4);
        assertThat(queries.handle(new FindAccountMovements("p1", AccountKind.OUTPATIENT, SHANGHAI_DAY, SHANGHAI_DAY,
                null, 50)).total()).isEqualTo(2);
    }

    @Test
    void filtersCountAndSumOverEveryPage() {
        for (int i = 1; i <= 3; i++) {
            projection.on(created("RG" + i, "p1", 1_000L * i), 0, CREATED.plusSeconds(i));
            projection.on(succeeded("RG" + i, "p1", 1_000L * i), 1, PAID.plusSeconds(i));
        }
        projection.on(created("RG9", "p9", 9_000), 0, CREATED);

        FindPaymentRecords first = new FindPaymentRecords(SHANGHAI_DAY, SHANGHAI_DAY, "p1",
                PaymentPurpose.REGISTRATION, PaymentChannel.BALANCE, PaymentRecordStatus.PAID, null, 2);
        ListPage<PaymentRecord> page = queries.handle(first);
        assertThat(page.items()).extracting(PaymentRecord::outTradeNo).containsExactly("RG3", "RG2"); // newest first
        page = queries.handle(new FindPaymentRecords(first.from(), first.to(), first.patientId(), first.purpose(),
                first.channel(), first.status(), page.nextCursor(), 2));
        assertThat(page.total()).isEqualTo(3);
        assertThat(page.sums()).containsExactly(entry("amountSumFen", 6_000L), entry("refundedSumFen", 0L));
        assertThat(page.items()).extracting(PaymentRecord::outTradeNo).containsExactly("RG1");
        assertThat(page.nextCursor()).isNull();
        assertThat(queries.handle(new FindPaymentRecords(null, null, null, null, null, null, null, 50)).total()).isEqualTo(4);
        assertThat(queries.handle(new FindPaymentRecords(null, SHANGHAI_DAY.minusDays(1), null, null, null, null, null, 50))
                .sums().get("amountSumFen")).isZero();
    }

    @Test
    void pagingWhileRowsArriveSeesEveryRowOnce() {
        // pairs of rows share an instant, so the id alone orders those
        for (int i = 0; i < 7; i++) {
            projection.on(created("RGA" + i, "p1", 100), 0, CREATED.plusSeconds(i / 2));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int added = 0;
        do {
            ListPage<PaymentRecord> page = queries.handle(new FindPaymentRecords(null, null, "p1", null, null, null,
                    cursor, 3));
            page.items().forEach(p -> seen.add(p.outTradeNo()));
            cursor = page.nextCursor();
            // newer rows arrive between the reads: they sort before the cursor and must not shift the pages
            projection.on(created("RGN" + added, "p1", 100), 0, CREATED.plusSeconds(3_600 + added));
            added++;
        } while (cursor != null);
        assertThat(seen).containsExactly("RGA6", "RGA5", "RGA4", "RGA3", "RGA2", "RGA1", "RGA0");
    }

    @Test
    void anEditedOrForeignCursorIsRefused() {
        for (int i = 0; i < 3; i++) {
            projection.on(created("RGC" + i, "p1", 100), 0, CREATED.plusSeconds(i));
        }
        String cursor = queries.handle(new FindPaymentRecords(null, null, null, null, null, null, null, 1)).nextCursor();
        String edited = cursor.substring(0, 3) + (cursor.charAt(3) == 'A' ? "B" : "A") + cursor.substring(4);
        for (String bad : List.of(edited, cursor.substring(0, cursor.length() - 2), "not a cursor", "%%%")) {
            assertThatThrownBy(() -> queries.handle(new FindPaymentRecords(null, null, null, null, null, null, bad, 1)))
                    .isInstanceOfSatisfying(BusinessRuleViolation.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CURSOR));
        }
        // a refunds cursor is no payments cursor
        projection.on(new RefundRequested("RFC1", "RGC1", 10, RefundReason.STAFF_REFUND, "x", "op", PaymentChannel.BALANCE), 0, REFUNDED);
        projection.on(new RefundRequested("RFC2", "RGC2", 10, RefundReason.STAFF_REFUND, "x", "op", PaymentChannel.BALANCE), 0, REFUNDED);
        String refunds = queries.handle(new FindRefundRecords(null, null, null, null, null, null, 1)).nextCursor();
        assertThatThrownBy(() -> queries.handle(new FindPaymentRecords(null, null, null, null, null, null, refunds, 1)))
                .isInstanceOf(BusinessRuleViolation.class);
    }

    @Test
    void aPaymentsAndItsRefundsEventsShareOneSequence() {
        BillingSequencing sequencing = new BillingSequencing();
        Object payment = sequencing.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Payment", "RG5", 0,
                created("RG5", "p1", 1)));
        Object refund = sequencing.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Refund", "RF5", 0,
                new RefundRequested("RF5", "RG5", 1, RefundReason.STAFF_REFUND, "x", "op", PaymentChannel.BALANCE)));
        Object account = sequencing.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Account", "p1:OUTPATIENT",
                0, new AccountCredited("p1:OUTPATIENT", "p1", AccountKind.OUTPATIENT, 1, 1, MovementCause.refund("RF5"))));
        assertThat(refund).isEqualTo(payment);
        assertThat(account).isEqualTo("p1:OUTPATIENT");
    }
}
