package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yihuiliao.api.account.AccountCredited;
import com.yihuiliao.api.account.AccountDebited;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RefundReservationReleased;
import com.yihuiliao.api.payment.RefundReserved;
import com.yihuiliao.api.refund.RecordRefundFailed;
import com.yihuiliao.api.refund.RefundFailure;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundSucceeded;
import com.yihuiliao.api.topup.TopUpCreated;
import com.yihuiliao.api.topup.TopUpCredited;
import com.yihuiliao.api.topup.TopUpRefundRestored;
import com.yihuiliao.command.payment.WeChatOrderSweep;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.core.ConditionFactory;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Top-ups paid with WeChat Pay (through the real SDK against the embedded sandbox) and withdrawals
 * refunded to WeChat Pay through them.
 */
class TopUpIT extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandGateway commands;
    @Autowired
    WeChatOrderSweep sweep;

    // --- helpers ----------------------------------------------------------------------------------

    Api.Response startTopUp(Api.Patient patient, String kind, long amountFen, String requestId) {
        return patient.api().post("/api/me/top-ups", "{\"patientId\":\"" + patient.patientId() + "\",\"kind\":\""
                + kind + "\",\"amountFen\":" + amountFen + (requestId == null ? "" : ",\"requestId\":\"" + requestId
                + "\"") + "}");
    }

    Api.Response withdraw(Api.Patient patient, String kind, long amountFen, String requestId) {
        return patient.api().post("/api/me/accounts/" + kind + "/withdrawals", "{\"patientId\":\""
                + patient.patientId() + "\",\"amountFen\":" + amountFen
                + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"") + "}");
    }

    Api.Response simulatePay(String outTradeNo) {
        return new Api(port).post("/sandbox/wechatpay/simulate/pay", "{\"outTradeNo\":\"" + outTradeNo + "\"}");
    }

    Api.Response simulateRefund(String outRefundNo) {
        return new Api(port).post("/sandbox/wechatpay/simulate/refund", "{\"outRefundNo\":\"" + outRefundNo + "\"}");
    }

    /** A top-up paid in the mini-program and credited; answers its order (topUpId, outTradeNo, ...). */
    /** Waits on a patient's read model: it answers 404 until the patient-view projection has seen the new patient. */
    static ConditionFactory readModel() {
        return await().atMost(WAIT).ignoreExceptions();
    }

    Api.Response paidTopUp(Api.Patient patient, String kind, long amountFen) {
        Api.Response order = Api.expect(startTopUp(patient, kind, amountFen, null), 200);
        Api.expect(simulatePay(order.text("outTradeNo")), 200);
        await().atMost(WAIT).until(() -> events(order.text("topUpId"), TopUpCredited.class) == 1);
        return order;
    }

    long events(String aggregateId, Class<?> type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, aggregateId, type.getName());
    }

    long allEvents(String aggregateIdPrefix) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier LIKE ?",
                Long.class, aggregateIdPrefix + "%");
    }

    List<JsonNode> payloads(String aggregateId, Class<?> type) {
        return jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND payload_type = ? ORDER BY sequence_number", byte[].class, aggregateId, type.getName())
                .stream().map(TopUpIT::json).toList();
    }

    static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long balance(Api.Patient patient, String kind) {
        for (JsonNode account : Api.expect(patient.api().get("/api/me/accounts?patientId=" + patient.patientId()),
                200).items()) {
            if (kind.equals(account.path("kind").asText())) {
                return account.path("balanceFen").asLong();
            }
        }
        throw new AssertionError("no " + kind + " account listed");
    }

    JsonNode myTopUp(Api.Patient patient, String topUpId) {
        for (JsonNode record : patient.api().all("/api/me/top-ups?patientId=" + patient.patientId())) {
            if (topUpId.equals(record.path("topUpId").asText())) {
                return record;
            }
        }
        return JSON.createObjectNode();
    }

    // --- tests ------------------------------------------------------------------------------------

    @Test
    void aWeChatTopUp_isCreditedOnce_andShownInTheRecords() {
        Api.Patient patient = new Api(port).patient();

        Api.Response order = Api.expect(startTopUp(patient, "OUTPATIENT", 5_000, "r1"), 200);
        String topUpId = order.text("topUpId");
        String outTradeNo = order.text("outTradeNo");
        assertThat(topUpId).startsWith("TP");
        assertThat(outTradeNo).isEqualTo("TU" + topUpId.substring(2));
        assertThat(order.text("kind")).isEqualTo("OUTPATIENT");
        assertThat(order.body().path("amountFen").asLong()).isEqualTo(5_000);
        assertThat(order.text("package")).startsWith("prepay_id=");
        assertThat(order.text("paySign")).isNotBlank();
        assertThat(payloads(outTradeNo, PaymentCreated.class).get(0).path("purpose").asText()).isEqualTo("TOPUP");

        // a retried request answers the same open order; the same request id for another amount is a conflict
        Api.Response again = Api.expect(startTopUp(patient, "OUTPATIENT", 5_000, "r1"), 200);
        assertThat(again.text("outTradeNo")).isEqualTo(outTradeNo);
        assertThat(again.text("package")).isEqualTo(order.text("package"));
        assertThat(events(topUpId, TopUpCreated.class)).isEqualTo(1);
        assertThat(events(outTradeNo, PaymentCreated.class)).isEqualTo(1);
        assertThat(startTopUp(patient, "OUTPATIENT", 6_000, "r1").code()).isEqualTo("IDEMPOTENCY_CONFLICT");

        Api.Response delivered = Api.expect(simulatePay(outTradeNo), 200);
        assertThat(delivered.body().path("notifyStatus").asInt()).isBetween(200, 299);
        String accountId = patient.patientId() + ":OUTPATIENT";
        await().atMost(WAIT).until(() -> events(topUpId, TopUpCredited.class) == 1);
        JsonNode credit = payloads(accountId, AccountCredited.class).get(0);
        assertThat(credit.path("amountFen").asLong()).isEqualTo(5_000);
        assertThat(credit.path("cause").path("type").asText()).isEqualTo("TOPUP");
        assertThat(credit.path("cause").path("referenceId").asText()).isEqualTo(topUpId);

        // WeChat Pay delivers the notification again: credited once
        Api.Response redelivered = Api.expect(simulatePay(outTradeNo), 200);
        assertThat(redelivered.body().path("notifyStatus").asInt()).isBetween(200, 299);
        assertThat(events(outTradeNo, PaymentSucceeded.class)).isEqualTo(1);
        assertThat(events(accountId, AccountCredited.class)).isEqualTo(1);

        // a top-up's money goes back by a withdrawal (which debits the balance), never around it
        Api.Response direct = new Api(port).admin().post("/api/admin/payments/" + outTradeNo + "/refunds",
                "{\"amountFen\":100,\"reason\":\"direct\"}");
        assertThat(direct.code()).isEqualTo("REFUND_THROUGH_ITS_OWNER");
        assertThat(events(outTradeNo, RefundReserved.class)).isZero();

        readModel().until(() -> balance(patient, "OUTPATIENT") == 5_000);
        readModel().until(() -> "CREDITED".equals(myTopUp(patient, topUpId).path("status").asText()));
        JsonNode record = myTopUp(patient, topUpId);
        assertThat(record.path("amountFen").asLong()).isEqualTo(5_000);
        assertThat(record.path("refundedFen").asLong()).isZero();
        assertThat(record.path("paidAt").asText()).isNotBlank();
        assertThat(balance(patient, "INPATIENT")).isZero();

        // a paid top-up's order cannot be paid again
        assertThat(startTopUp(patient, "OUTPATIENT", 5_000, "r1").status()).isEqualTo(409);

        // staff who keep the books see it; others do not
        Api admin = new Api(port).admin();
        String mine = "/api/admin/top-ups?patientId=" + patient.patientId() + "&kind=OUTPATIENT";
        for (Api bookkeeper : List.of(admin, admin.newStaff("FINANCE", null), admin.newStaff("AUDITOR", null))) {
            Api.Response listed = Api.expect(bookkeeper.get(mine), 200);
            assertThat(listed.body().path("total").asLong()).isEqualTo(1);
            assertThat(listed.body().path("items").get(0).path("topUpId").asText()).isEqualTo(topUpId);
        }
        String today = java.time.LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE).toString();
        assertThat(Api.expect(admin.get(mine + "&from=" + today + "&to=" + today), 200).body().path("total").asLong())
                .isEqualTo(1);
        assertThat(Api.expect(admin.get(mine + "&to=2020-01-01"), 200).body().path("total").asLong())
                .isZero();
        assertThat(admin.newStaff("SCHEDULER", null).get("/api/admin/top-ups").status()).isEqualTo(403);
        assertThat(admin.newStaff("DOCTOR", admin.doctor(admin.department(), 1_000)).get("/api/admin/top-ups")
                .status()).isEqualTo(403);
        assertThat(patient.api().get("/api/admin/top-ups").status()).isEqualTo(403);
        assertThat(new Api(port).get("/api/admin/top-ups").status()).isEqualTo(401);
    }

    @Test
    void anAbandonedTopUp_isClosedAtWeChatAndShownClosed() {
        Api.Patient patient = new Api(port).patient();
        Api.Response order = Api.expect(startTopUp(patient, "OUTPATIENT", 3_000, null), 200);
        String topUpId = order.text("topUpId");
        readModel().until(() -> "CREATED".equals(myTopUp(patient, topUpId).path("status").asText()));

        // 40 minutes on, nobody paid: the sweep closes the order at WeChat Pay and here
        sweep.sweep(Instant.now().plus(Duration.ofMinutes(40)));

        assertThat(events(order.text("outTradeNo"), PaymentClosed.class)).isEqualTo(1);
        assertThat(simulatePay(order.text("outTradeNo")).status()).isEqualTo(400);
        readModel().until(() -> "CLOSED".equals(myTopUp(patient, topUpId).path("status").asText()));
        assertThat(events(patient.patientId() + ":OUTPATIENT", AccountCredited.class)).isZero();
    }

    @Test
    void anInpatientDeposit_goesToTheInpatientAccount() {
        Api.Patient patient = new Api(port).patient();
        paidTopUp(patient, "INPATIENT", 100_000);
        readModel().until(() -> balance(patient, "INPATIENT") == 100_000);
        assertThat(events(patient.patientId() + ":OUTPATIENT", AccountCredited.class)).isZero();
    }

    @Test
    void aWithdrawal_isRefundedThroughTheNewestTopUpsFirst() {
        Api.Patient patient = new Api(port).patient();
        Api.Response older = paidTopUp(patient, "OUTPATIENT", 3_000);
        Api.Response newer = paidTopUp(patient, "OUTPATIENT", 2_000);

        Api.Response withdrawn = Api.expect(withdraw(patient, "OUTPATIENT", 2_500, "w1"), 200);
        String withdrawalId = withdrawn.text("withdrawalId");
        assertThat(withdrawn.body().path("balanceFen").asLong()).isEqualTo(2_500);
        JsonNode refunds = withdrawn.body().path("refunds");
        assertThat(refunds).hasSize(2);
        assertThat(refunds.get(0).path("outTradeNo").asText()).isEqualTo(newer.text("outTradeNo"));
        assertThat(refunds.get(0).path("amountFen").asLong()).isEqualTo(2_000);
        assertThat(refunds.get(1).path("outTradeNo").asText()).isEqualTo(older.text("outTradeNo"));
        assertThat(refunds.get(1).path("amountFen").asLong()).isEqualTo(500);
        String accountId = patient.patientId() + ":OUTPATIENT";
        JsonNode debit = payloads(accountId, AccountDebited.class).get(0);
        assertThat(debit.path("cause").path("type").asText()).isEqualTo("WITHDRAWAL");
        assertThat(debit.path("cause").path("referenceId").asText()).isEqualTo(withdrawalId);
        for (JsonNode refund : refunds) {
            JsonNode requested = payloads(refund.path("outRefundNo").asText(), RefundRequested.class).get(0);
            assertThat(requested.path("channel").asText()).isEqualTo("WECHAT");
            assertThat(requested.path("reason").asText()).isEqualTo("WITHDRAWAL");
        }

        // the same request again: the first answer, nothing withdrawn twice
        Api.Response repeated = Api.expect(withdraw(patient, "OUTPATIENT", 2_500, "w1"), 200);
        assertThat(repeated.text("withdrawalId")).isEqualTo(withdrawalId);
        assertThat(repeated.body().path("refunds")).hasSize(2);
        assertThat(events(accountId, AccountDebited.class)).isEqualTo(1);
        assertThat(withdraw(patient, "OUTPATIENT", 2_400, "w1").code()).isEqualTo("IDEMPOTENCY_CONFLICT");

        // the payment process applied for both at WeChat Pay; WeChat Pay completes them and notifies
        for (JsonNode refund : refunds) {
            String outRefundNo = refund.path("outRefundNo").asText();
            await().atMost(WAIT).until(() -> simulateRefund(outRefundNo).status() == 200);
            await().atMost(WAIT).until(() -> events(outRefundNo, RefundSucceeded.class) == 1);
        }
        readModel().until(() -> balance(patient, "OUTPATIENT") == 2_500);
        readModel().until(() -> myTopUp(patient, newer.text("topUpId")).path("refundedFen").asLong() == 2_000);
        readModel().until(() -> myTopUp(patient, older.text("topUpId")).path("refundedFen").asLong() == 500);

        // what remains refundable goes next: all of the older top-up's 2,500
        Api.Response rest = Api.expect(withdraw(patient, "OUTPATIENT", 2_500, null), 200);
        assertThat(rest.body().path("balanceFen").asLong()).isZero();
        assertThat(rest.body().path("refunds")).hasSize(1);
        assertThat(rest.body().path("refunds").get(0).path("outTradeNo").asText()).isEqualTo(older.text("outTradeNo"));
    }

    @Test
    void aWithdrawalAboveTheBalance_orAboveWhatWeChatCanTakeBack_isRefusedAndWritesNothing() {
        Api.Patient patient = new Api(port).patient();
        Api.Response topUp = paidTopUp(patient, "OUTPATIENT", 1_000);
        String accountId = patient.patientId() + ":OUTPATIENT";
        long before = allEvents(patient.patientId()) + allEvents(topUp.text("topUpId"))
                + allEvents(topUp.text("outTradeNo"));

        Api.Response tooMuch = withdraw(patient, "OUTPATIENT", 1_001, null);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("WITHDRAWAL_EXCEEDS_BALANCE");
        assertThat(tooMuch.body().path("detail").asText()).contains("1000");
        assertThat(withdraw(patient, "INPATIENT", 1, null).code()).isEqualTo("WITHDRAWAL_EXCEEDS_BALANCE");

        // cash taken at the counter is in the balance, but cannot go back to WeChat Pay
        Api finance = new Api(port).admin().newStaff("FINANCE", null);
        Api.expect(finance.post("/api/admin/accounts/" + patient.patientId() + "/OUTPATIENT/counter-top-ups",
                "{\"amountFen\":5000,\"receiptNo\":\"" + Api.unique("R") + "\"}"), 200);
        before += 1;
        Api.Response cash = withdraw(patient, "OUTPATIENT", 1_500, null);
        assertThat(cash.status()).isEqualTo(422);
        assertThat(cash.code()).isEqualTo("WITHDRAWAL_EXCEEDS_REFUNDABLE");
        assertThat(cash.body().path("detail").asText()).contains("1000").contains("counter");

        assertThat(allEvents(patient.patientId()) + allEvents(topUp.text("topUpId"))
                + allEvents(topUp.text("outTradeNo"))).isEqualTo(before);
        assertThat(events(accountId, AccountDebited.class)).isZero();
    }

    @Test
    void anotherAccountsPatient_answersLikeAnUnknownOne() {
        Api.Patient owner = new Api(port).patient();
        paidTopUp(owner, "OUTPATIENT", 1_000);
        Api.Patient stranger = new Api(port).patient();
        Api.Patient posing = new Api.Patient(stranger.api(), owner.patientId(), null);

        Api.Response topUp = startTopUp(posing, "OUTPATIENT", 1_000, null);
        assertThat(topUp.status()).isEqualTo(404);
        assertThat(topUp.code()).isEqualTo("PATIENT_NOT_FOUND");
        Api.Response withdrawal = withdraw(posing, "OUTPATIENT", 100, null);
        assertThat(withdrawal.status()).isEqualTo(404);
        assertThat(withdrawal.code()).isEqualTo("PATIENT_NOT_FOUND");
        assertThat(stranger.api().get("/api/me/top-ups?patientId=" + owner.patientId()).status()).isEqualTo(404);
        assertThat(events(owner.patientId() + ":OUTPATIENT", AccountDebited.class)).isZero();
    }

    @Test
    void amountsOutOfRange_areRefused() {
        Api.Patient patient = new Api(port).patient();
        for (long amount : new long[]{0, -100, 5_000_001}) {
            Api.Response refused = startTopUp(patient, "OUTPATIENT", amount, null);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("TOPUP_AMOUNT_OUT_OF_RANGE");
        }
        assertThat(patient.api().post("/api/me/top-ups", "{\"patientId\":\"" + patient.patientId()
                + "\",\"kind\":\"OUTPATIENT\"}").status()).isEqualTo(400);
        assertThat(startTopUp(patient, "SAVINGS", 100, null).status()).isEqualTo(400);
        for (long amount : new long[]{0, -1}) {
            Api.Response refused = withdraw(patient, "OUTPATIENT", amount, null);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("INVALID_AMOUNT");
        }
        assertThat(withdraw(patient, "outpatient", 100, null).status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM topup_record WHERE patient_id = ?", Long.class,
                patient.patientId())).isZero();
    }

    @Test
    void aFailedWithdrawalRefund_givesTheMoneyBack_once() {
        Api.Patient patient = new Api(port).patient();
        Api.Response topUp = paidTopUp(patient, "OUTPATIENT", 1_000);
        Api.Response withdrawn = Api.expect(withdraw(patient, "OUTPATIENT", 600, null), 200);
        String outRefundNo = withdrawn.body().path("refunds").get(0).path("outRefundNo").asText();
        String accountId = patient.patientId() + ":OUTPATIENT";

        // WeChat Pay ends the refund CLOSED (e.g. the payer's account is gone): the refund fails, its
        // reservation on the payment is released, and the money is back on the balance
        await().atMost(WAIT).until(() -> new Api(port).post("/sandbox/wechatpay/simulate/refund",
                "{\"outRefundNo\":\"" + outRefundNo + "\",\"outcome\":\"CLOSED\"}").status() == 200);
        await().atMost(WAIT).until(() -> events(topUp.text("topUpId"), TopUpRefundRestored.class) == 1);
        assertThat(events(topUp.text("outTradeNo"), RefundReservationReleased.class)).isEqualTo(1);
        List<JsonNode> credits = payloads(accountId, AccountCredited.class);
        assertThat(credits).hasSize(2);
        assertThat(credits.get(1).path("cause").path("type").asText()).isEqualTo("REFUND_FAILED");
        assertThat(credits.get(1).path("cause").path("referenceId").asText()).isEqualTo(outRefundNo);
        assertThat(credits.get(1).path("balanceAfterFen").asLong()).isEqualTo(1_000);

        // the failure reported again changes nothing
        commands.sendAndWait(new RecordRefundFailed(outRefundNo, RefundFailure.CLOSED_BY_WECHAT, null));
        assertThat(events(topUp.text("topUpId"), TopUpRefundRestored.class)).isEqualTo(1);
        assertThat(events(accountId, AccountCredited.class)).isEqualTo(2);
        readModel().until(() -> balance(patient, "OUTPATIENT") == 1_000);
        readModel().until(() -> myTopUp(patient, topUp.text("topUpId")).path("refundedFen").asLong() == 0);
    }

    @Test
    void parallelWithdrawals_neverTakeMoreThanTheBalance() throws Exception {
        Api.Patient patient = new Api(port).patient();
        paidTopUp(patient, "OUTPATIENT", 600);
        paidTopUp(patient, "OUTPATIENT", 400);
        String accountId = patient.patientId() + ":OUTPATIENT";

        ExecutorService threads = Executors.newFixedThreadPool(10);
        List<Api.Response> answers = new ArrayList<>();
        try {
            List<Callable<Api.Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                attempts.add(() -> withdraw(patient, "OUTPATIENT", 300, null));
            }
            for (Future<Api.Response> answer : threads.invokeAll(attempts)) {
                answers.add(answer.get());
            }
        } finally {
            threads.shutdown();
        }

        assertThat(answers.stream().filter(a -> a.status() == 200)).hasSize(3);
        assertThat(answers.stream().filter(a -> a.status() != 200))
                .hasSize(7)
                .allSatisfy(a -> assertThat(a.code()).isIn("WITHDRAWAL_EXCEEDS_BALANCE", "WITHDRAWAL_EXCEEDS_REFUNDABLE"));
        List<JsonNode> debits = payloads(accountId, AccountDebited.class);
        assertThat(debits).hasSize(3).allSatisfy(d -> assertThat(d.path("balanceAfterFen").asLong()).isNotNegative());
        assertThat(debits.get(2).path("balanceAfterFen").asLong()).isEqualTo(100);
        long refunded = 0;
        for (Api.Response answer : answers) {
            for (JsonNode refund : answer.body().path("refunds")) {
                refunded += payloads(refund.path("outRefundNo").asText(), RefundRequested.class).get(0)
                        .path("amountFen").asLong();
            }
        }
        assertThat(refunded).isEqualTo(900);
        readModel().until(() -> balance(patient, "OUTPATIENT") == 100);
    }
}
