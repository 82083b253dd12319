package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yihuiliao.api.account.AccountCredited;
import com.yihuiliao.api.account.AccountDebited;
import com.yihuiliao.api.appointment.AppointmentConfirmed;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RefundReservationReleased;
import com.yihuiliao.api.payment.RefundReserved;
import com.yihuiliao.api.payment.RefundSettled;
import com.yihuiliao.api.refund.RefundFailed;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundSucceeded;
import com.yihuiliao.command.payment.WeChatOrderSweep;
import com.yihuiliao.command.payment.wechatpay.WeChatPay;
import com.yihuiliao.sandbox.wechatpay.SandboxKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registration fees paid with WeChat Pay, through the real SDK against the embedded WeChat Pay sandbox. */
class WeChatPayIT extends IntegrationTest {

    static final long FEE = 2_500;
    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SandboxKeys sandboxKeys;
    @Autowired
    WeChatOrderSweep sweep;
    @Autowired
    WeChatPay weChatPay;

    Api admin;

    @BeforeEach
    void staff() {
        admin = new Api(port).admin();
    }

    // --- helpers ----------------------------------------------------------------------------------

    String book(Api.Patient patient, String scheduleId) {
        Api.Response booked = Api.expect(patient.book(scheduleId), 201);
        assertThat(booked.text("status")).isEqualTo("HELD");
        return booked.text("appointmentId");
    }

    /** A new patient's appointment on a new schedule of fee FEE, held (unpaid). */
    String heldAppointment(Api.Patient patient) {
        return book(patient, admin.openSchedule(5, FEE));
    }

    Api.Response payWithWeChat(Api.Patient patient, String appointmentId) {
        return patient.api().post("/api/appointments/" + appointmentId + "/pay-with-wechat",
                "{\"patientId\":\"" + patient.patientId() + "\"}");
    }

    Api.Response simulatePay(String outTradeNo) {
        return new Api(port).post("/sandbox/wechatpay/simulate/pay", "{\"outTradeNo\":\"" + outTradeNo + "\"}");
    }

    Api.Response simulateRefund(String outRefundNo) {
        return simulateRefund(outRefundNo, "SUCCESS");
    }

    Api.Response simulateRefund(String outRefundNo, String outcome) {
        return new Api(port).post("/sandbox/wechatpay/simulate/refund",
                "{\"outRefundNo\":\"" + outRefundNo + "\",\"outcome\":\"" + outcome + "\"}");
    }

    /** The held appointment's WeChat order, opened as the mini-program does; answers its number. */
    String openOrder(Api.Patient patient, String appointmentId) {
        return Api.expect(payWithWeChat(patient, appointmentId), 200).text("outTradeNo");
    }

    /** WeChat Pay takes the money, but its notification never reaches us. */
    void payWithoutNotification(String outTradeNo) {
        Api.Response paid = Api.expect(new Api(port).post("/sandbox/wechatpay/simulate/pay",
                "{\"outTradeNo\":\"" + outTradeNo + "\",\"sendNotification\":false}"), 200);
        assertThat(paid.text("notifyStatus")).isEqualTo("not sent");
    }

    long events(String aggregateId, Class<?> type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, aggregateId, type.getName());
    }

    JsonNode payload(String aggregateId, Class<?> type) throws IOException {
        List<byte[]> payloads = jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", byte[].class, aggregateId, type.getName());
        assertThat(payloads).hasSize(1);
        return JSON.readTree(payloads.get(0));
    }

    String status(Api.Patient patient, String appointmentId) {
        return patient.api().get("/api/me/appointments/" + appointmentId).body().path("appointment").path("status")
                .asText();
    }

    // --- tests ------------------------------------------------------------------------------------

    @Test
    void prepayThenPay_confirmsTheAppointmentOnce() throws IOException {
        Api.Patient patient = new Api(port).patient();
        String appointmentId = heldAppointment(patient);

        Api.Response prepaid = Api.expect(payWithWeChat(patient, appointmentId), 200);
        String outTradeNo = prepaid.text("outTradeNo");
        assertThat(outTradeNo).matches("^RGW[0-9A-Z]{27}$");
        assertThat(prepaid.body().path("amountFen").asLong()).isEqualTo(FEE);
        assertThat(prepaid.text("package")).startsWith("prepay_id=");
        assertThat(prepaid.text("signType")).isEqualTo("RSA");
        assertThat(prepaid.text("paySign")).isNotBlank();
        assertThat(prepaid.text("appId")).isNotBlank();
        assertThat(prepaid.text("timeStamp")).isNotBlank();
        assertThat(prepaid.text("nonceStr")).isNotBlank();
        JsonNode created = payload(outTradeNo, PaymentCreated.class);
        assertThat(created.path("channel").asText()).isEqualTo("WECHAT");
        assertThat(created.path("amountFen").asLong()).isEqualTo(FEE);

        // a repeated request answers the same open order (and the same prepay_id)
        Api.Response again = Api.expect(payWithWeChat(patient, appointmentId), 200);
        assertThat(again.text("outTradeNo")).isEqualTo(outTradeNo);
        assertThat(again.text("package")).isEqualTo(prepaid.text("package"));
        assertThat(events(outTradeNo, PaymentCreated.class)).isEqualTo(1);

        // another account cannot pay it: the same answer as an unknown appointment
        Api.Patient stranger = new Api(port).patient();
        assertThat(stranger.api().post("/api/appointments/" + appointmentId + "/pay-with-wechat",
                "{\"patientId\":\"" + stranger.patientId() + "\"}").status()).isEqualTo(404);

        Api.Response delivered = Api.expect(simulatePay(outTradeNo), 200);
        assertThat(delivered.body().path("notifyStatus").asInt()).isBetween(200, 299);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(patient, appointmentId)));
        assertThat(payload(appointmentId, AppointmentConfirmed.class).path("paymentReference").asText())
                .isEqualTo(outTradeNo);

        // WeChat Pay delivers the notification again: one effect
        Api.Response redelivered = Api.expect(simulatePay(outTradeNo), 200);
        assertThat(redelivered.body().path("notifyStatus").asInt()).isBetween(200, 299);
        assertThat(events(outTradeNo, PaymentSucceeded.class)).isEqualTo(1);
        assertThat(events(appointmentId, AppointmentConfirmed.class)).isEqualTo(1);
        assertThat(payload(outTradeNo, PaymentSucceeded.class).path("transactionId").asText()).startsWith("4200");

        // paid: no new order for it
        Api.Response paidAlready = payWithWeChat(patient, appointmentId);
        assertThat(paidAlready.status()).isEqualTo(409);
        assertThat(paidAlready.code()).isEqualTo("APPOINTMENT_NOT_CONFIRMABLE");
    }

    @Test
    void aForgedNotification_isRefusedAndChangesNothing() throws Exception {
        Api.Patient patient = new Api(port).patient();
        String appointmentId = heldAppointment(patient);
        String outTradeNo = openOrder(patient, appointmentId);

        String body = "{\"id\":\"EV-forged\",\"create_time\":\"2026-11-24T10:00:00+08:00\","
                + "\"event_type\":\"TRANSACTION.SUCCESS\",\"resource_type\":\"encrypt-resource\","
                + "\"summary\":\"支付成功\",\"resource\":{\"algorithm\":\"AEAD_AES_256_GCM\","
                + "\"ciphertext\":\"" + Base64.getEncoder().encodeToString(("{\"out_trade_no\":\"" + outTradeNo
                + "\"}").getBytes()) + "\",\"associated_data\":\"transaction\",\"nonce\":\"abcdefghijkl\"}}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/payments/wechatpay/notify"))
                .header("Content-Type", "application/json")
                .header("Wechatpay-Serial", sandboxKeys.platformPublicKeyId())
                .header("Wechatpay-Timestamp", String.valueOf(Instant.now().getEpochSecond()))
                .header("Wechatpay-Nonce", "forged-nonce")
                .header("Wechatpay-Signature", Base64.getEncoder().encodeToString(new byte[256]))
                .header("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(response.body()).path("code").asText()).isEqualTo("WECHATPAY_NOTIFICATION_REJECTED");
        assertThat(events(outTradeNo, PaymentSucceeded.class)).isZero();
        assertThat(events(appointmentId, AppointmentConfirmed.class)).isZero();
    }

    @Test
    void aPaymentAfterTheAppointmentEnded_isRefundedToWeChat() throws IOException {
        Api.Patient patient = new Api(port).patient();
        String appointmentId = heldAppointment(patient);
        String outTradeNo = openOrder(patient, appointmentId);
        // the patient cancels, but pays in the mini-program anyway
        Api.expect(patient.api().post("/api/appointments/" + appointmentId + "/cancel",
                "{\"patientId\":\"" + patient.patientId() + "\",\"reason\":\"改期\"}"), 200);

        Api.expect(simulatePay(outTradeNo), 200);

        String outRefundNo = "RL" + outTradeNo;
        assertThat(events(outTradeNo, PaymentSucceeded.class)).isEqualTo(1);
        assertThat(events(appointmentId, AppointmentConfirmed.class)).isZero();
        assertThat(payload(outTradeNo, RefundReserved.class).path("amountFen").asLong()).isEqualTo(FEE);
        JsonNode requested = payload(outRefundNo, RefundRequested.class);
        assertThat(requested.path("channel").asText()).isEqualTo("WECHAT");
        assertThat(requested.path("amountFen").asLong()).isEqualTo(FEE);
        assertThat(requested.path("reason").asText()).isEqualTo("LATE_AFTER_CANCELLATION");
        assertThat(requested.path("note").isNull()).isTrue();

        // the refund was applied for at WeChat Pay (by the payment process); WeChat Pay completes it and notifies
        await().atMost(Duration.ofSeconds(20)).until(() -> simulateRefund(outRefundNo).status() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(outRefundNo, RefundSucceeded.class) == 1);
        assertThat(events(outTradeNo, RefundSettled.class)).isEqualTo(1);

        // WeChat Pay delivers the refund notification again: one effect
        Api.expect(simulateRefund(outRefundNo), 200);
        assertThat(events(outTradeNo, RefundReserved.class)).isEqualTo(1);
        assertThat(events(outRefundNo, RefundRequested.class)).isEqualTo(1);
        assertThat(events(outRefundNo, RefundSucceeded.class)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(patient, appointmentId)));
    }

    /** A held appointment paid with WeChat Pay and confirmed; answers its order number. */
    String paidWithWeChat(Api.Patient patient, String appointmentId) {
        String outTradeNo = openOrder(patient, appointmentId);
        Api.expect(simulatePay(outTradeNo), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(patient, appointmentId)));
        return outTradeNo;
    }

    @Test
    void cancellingAWeChatPaidAppointment_refundsItToWeChat() throws IOException {
        Api.Patient patient = new Api(port).patient();
        String appointmentId = heldAppointment(patient);
        String outTradeNo = paidWithWeChat(patient, appointmentId);

        Api.expect(patient.api().post("/api/appointments/" + appointmentId + "/cancel",
                "{\"patientId\":\"" + patient.patientId() + "\",\"reason\":\"改期\"}"), 200);

        String outRefundNo = "RC" + outTradeNo.substring(outTradeNo.length() - 30);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(outRefundNo, RefundRequested.class) == 1);
        JsonNode requested = payload(outRefundNo, RefundRequested.class);
        assertThat(requested.path("channel").asText()).isEqualTo("WECHAT");
        assertThat(requested.path("amountFen").asLong()).isEqualTo(FEE);
        assertThat(requested.path("outTradeNo").asText()).isEqualTo(outTradeNo);
        // a code and the patient's own words, no sentence
        assertThat(requested.path("reason").asText()).isEqualTo("APPOINTMENT_CANCELLED");
        assertThat(requested.path("note").asText()).isEqualTo("改期");
        assertThat(payload(outTradeNo, RefundReserved.class).path("amountFen").asLong()).isEqualTo(FEE);

        // applied for at WeChat Pay by the payment process; WeChat Pay completes it and notifies
        await().atMost(Duration.ofSeconds(20)).until(() -> simulateRefund(outRefundNo).status() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(outRefundNo, RefundSucceeded.class) == 1);
        assertThat(events(outTradeNo, RefundSettled.class)).isEqualTo(1);

        // the notification again: one effect
        Api.expect(simulateRefund(outRefundNo), 200);
        assertThat(events(outTradeNo, RefundReserved.class)).isEqualTo(1);
        assertThat(events(outRefundNo, RefundSucceeded.class)).isEqualTo(1);
        assertThat(events(outTradeNo, RefundSettled.class)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(patient, appointmentId)));
    }

    @Test
    void staffRefund_ofAWeChatPayment_goesBackToWeChat() throws IOException {
        Api finance = admin.newStaff("FINANCE", null);
        Api.Patient patient = new Api(port).patient();
        String appointmentId = heldAppointment(patient);
        String outTradeNo = paidWithWeChat(patient, appointmentId);
        String outRefundNo = "RF" + outTradeNo.substring(outTradeNo.length() - 30);
        String refunds = "/api/admin/payments/" + outTradeNo + "/refunds";

        Api.Response asked = Api.expect(finance.post(refunds,
                "{\"amountFen\":1000,\"reason\":\"partial\",\"outRefundNo\":\"" + outRefundNo + "\"}"), 200);
        assertThat(asked.text("outRefundNo")).isEqualTo(outRefundNo);
        assertThat(asked.text("status")).isIn("REQUESTED", "SUCCEEDED");
        JsonNode requested = payload(outRefundNo, RefundRequested.class);
        assertThat(requested.path("channel").asText()).isEqualTo("WECHAT");
        assertThat(requested.path("amountFen").asLong()).isEqualTo(1_000);
        assertThat(requested.path("operator").asText()).isNotBlank().isNotEqualTo("system");

        await().atMost(Duration.ofSeconds(20)).until(() -> simulateRefund(outRefundNo).status() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(outRefundNo, RefundSucceeded.class) == 1);
        assertThat(events(outTradeNo, RefundSettled.class)).isEqualTo(1);
        // what WeChat Pay said is kept with the refund
        JsonNode succeeded = payload(outRefundNo, RefundSucceeded.class);
        assertThat(succeeded.path("weChatRefundId").asText()).isNotBlank();
        assertThat(succeeded.path("receivedBy").asText()).isEqualTo("支付用户零钱");

        // the same refund number again refunds once
        Api.Response repeated = Api.expect(finance.post(refunds,
                "{\"amountFen\":1000,\"reason\":\"partial\",\"outRefundNo\":\"" + outRefundNo + "\"}"), 200);
        assertThat(repeated.text("status")).isEqualTo("SUCCEEDED");
        assertThat(events(outTradeNo, RefundReserved.class)).isEqualTo(1);

        // more than what remains (1,500 fen) is refused, and nothing is reserved
        Api.Response refused = finance.post(refunds, "{\"amountFen\":1501,\"reason\":\"too much\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("REFUND_EXCEEDS_PAID");
        assertThat(events(outTradeNo, RefundReserved.class)).isEqualTo(1);
    }

    @Test
    void aLostNotification_isMadeGoodByThePatientsRefresh() {
        Api.Patient patient = new Api(port).patient();
        String appointmentId = heldAppointment(patient);
        String outTradeNo = openOrder(patient, appointmentId);
        String refresh = "/api/me/payments/" + outTradeNo + "/refresh";

        assertThat(Api.expect(patient.api().post(refresh, "{}"), 200).text("status")).isEqualTo("CREATED");
        payWithoutNotification(outTradeNo);
        assertThat(events(outTradeNo, PaymentSucceeded.class)).isZero();

        // someone else's order is nobody else's business
        assertThat(new Api(port).patient().api().post(refresh, "{}").code()).isEqualTo("PAYMENT_NOT_FOUND");

        assertThat(Api.expect(patient.api().post(refresh, "{}"), 200).text("status")).isEqualTo("PAID");
        assertThat(events(outTradeNo, PaymentSucceeded.class)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(patient, appointmentId)));
        // asked again, or notified late after all: one effect
        assertThat(Api.expect(patient.api().post(refresh, "{}"), 200).text("status")).isEqualTo("PAID");
        Api.expect(simulatePay(outTradeNo), 200);
        assertThat(events(outTradeNo, PaymentSucceeded.class)).isEqualTo(1);
        assertThat(events(appointmentId, AppointmentConfirmed.class)).isEqualTo(1);
    }

    @Test
    void aLostNotification_isFoundByTheSweep() {
        Api.Patient patient = new Api(port).patient();
        String appointmentId = heldAppointment(patient);
        String outTradeNo = openOrder(patient, appointmentId);
        payWithoutNotification(outTradeNo);

        // a pass a minute from now (the first minute is left to the notification)
        assertThat(sweep.sweep(Instant.now().plus(Duration.ofMinutes(2)))).isPositive();

        assertThat(events(outTradeNo, PaymentSucceeded.class)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(patient, appointmentId)));
    }

    @Test
    void theSweep_closesAnOrderNobodyPaid() {
        Api.Patient patient = new Api(port).patient();
        String appointmentId = heldAppointment(patient);
        String outTradeNo = openOrder(patient, appointmentId);

        sweep.sweep(Instant.now().plus(Duration.ofMinutes(40)));

        assertThat(events(outTradeNo, PaymentClosed.class)).isEqualTo(1);
        // closed at WeChat Pay too: it no longer takes the money
        assertThat(simulatePay(outTradeNo).status()).isEqualTo(400);
    }

    @Test
    void aRefundWeChatCloses_failsAndTheMoneyIsRefundableAgain() throws IOException {
        Api finance = admin.newStaff("FINANCE", null);
        Api.Patient patient = new Api(port).patient();
        String outTradeNo = paidWithWeChat(patient, heldAppointment(patient));
        String refunds = "/api/admin/payments/" + outTradeNo + "/refunds";
        String first = Api.expect(finance.post(refunds, "{\"amountFen\":" + FEE + ",\"reason\":\"全额退款\"}"), 200)
                .text("outRefundNo");

        await().atMost(Duration.ofSeconds(20)).until(() -> simulateRefund(first, "CLOSED").status() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(first, RefundFailed.class) == 1);
        assertThat(payload(first, RefundFailed.class).path("reason").asText()).isEqualTo("CLOSED_BY_WECHAT");
        assertThat(events(outTradeNo, RefundReservationReleased.class)).isEqualTo(1);
        assertThat(events(outTradeNo, RefundSettled.class)).isZero();

        // the whole fee can be refunded again, and this time it goes through
        String second = Api.expect(finance.post(refunds, "{\"amountFen\":" + FEE + ",\"reason\":\"再次退款\"}"), 200)
                .text("outRefundNo");
        await().atMost(Duration.ofSeconds(20)).until(() -> simulateRefund(second).status() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(outTradeNo, RefundSettled.class) == 1);
        assertThat(finance.post(refunds, "{\"amountFen\":1,\"reason\":\"more\"}").code())
                .isEqualTo("REFUND_EXCEEDS_PAID");
    }

    @Test
    void anAbnormalRefund_staysRequestedUntilWeChatSettlesIt() {
        Api finance = admin.newStaff("FINANCE", null);
        Api.Patient patient = new Api(port).patient();
        String outTradeNo = paidWithWeChat(patient, heldAppointment(patient));
        String outRefundNo = Api.expect(finance.post("/api/admin/payments/" + outTradeNo + "/refunds",
                "{\"amountFen\":500,\"reason\":\"部分退款\"}"), 200).text("outRefundNo");

        await().atMost(Duration.ofSeconds(20)).until(() -> simulateRefund(outRefundNo, "ABNORMAL").status() == 200);
        assertThat(events(outRefundNo, RefundFailed.class)).isZero();
        assertThat(events(outRefundNo, RefundSucceeded.class)).isZero();

        // handled on the merchant platform: WeChat Pay notifies SUCCESS
        Api.expect(simulateRefund(outRefundNo, "SUCCESS"), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(outTradeNo, RefundSettled.class) == 1);
    }

    @Test
    void switchingToTheBalance_closesTheOpenWeChatOrderFirst() {
        Api finance = admin.newStaff("FINANCE", null);
        Api.Patient patient = new Api(port).patient();
        String appointmentId = heldAppointment(patient);
        String outTradeNo = openOrder(patient, appointmentId);
        Api.expect(finance.counterTopUp(patient.patientId(), 10_000), 200);

        Api.Response paid = Api.expect(patient.payWithBalance(appointmentId), 200);
        assertThat(paid.body().path("balanceAfterFen").asLong()).isEqualTo(10_000 - FEE);
        assertThat(events(outTradeNo, PaymentClosed.class)).isEqualTo(1);
        assertThat(simulatePay(outTradeNo).status()).isEqualTo(400); // WeChat Pay no longer takes it
    }

    @Test
    void switchingToTheBalance_afterWeChatTookTheMoney_chargesNothingMore() {
        Api finance = admin.newStaff("FINANCE", null);
        Api.Patient patient = new Api(port).patient();
        String appointmentId = heldAppointment(patient);
        String outTradeNo = openOrder(patient, appointmentId);
        Api.expect(finance.counterTopUp(patient.patientId(), 10_000), 200);
        payWithoutNotification(outTradeNo);

        Api.Response refused = patient.payWithBalance(appointmentId);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().path("detail").asText()).contains("WeChat Pay");
        assertThat(events(outTradeNo, PaymentSucceeded.class)).isEqualTo(1);
        assertThat(events(patient.patientId() + ":OUTPATIENT", AccountDebited.class)).isZero();
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(patient, appointmentId)));
    }

    /** Issue 8: trying the balance first (too little money) must not cost the patient the WeChat order. */
    @Test
    void aRefusedBalancePayment_leavesTheWeChatOrderPayable() {
        Api finance = admin.newStaff("FINANCE", null);
        Api.Patient someMoney = new Api(port).patient();
        Api.expect(finance.counterTopUp(someMoney.patientId(), FEE - 1), 200);
        Api.Patient noAccount = new Api(port).patient(); // never credited: no account at all
        for (Api.Patient patient : List.of(someMoney, noAccount)) {
            String appointmentId = heldAppointment(patient);
            String outTradeNo = openOrder(patient, appointmentId);

            Api.Response refused = patient.payWithBalance(appointmentId);
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("INSUFFICIENT_BALANCE");
            assertThat(events(outTradeNo, PaymentClosed.class)).isZero();

            // the patient goes back to WeChat Pay: the same order, still payable
            assertThat(openOrder(patient, appointmentId)).isEqualTo(outTradeNo);
            Api.expect(simulatePay(outTradeNo), 200);
            await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(patient, appointmentId)));
            assertThat(events(outTradeNo, PaymentSucceeded.class)).isEqualTo(1);
            assertThat(events(patient.patientId() + ":OUTPATIENT", AccountDebited.class)).isZero();

            // the billing record shows the WeChat payment, and no order closed "paid from the balance instead"
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                JsonNode items = Api.expect(patient.api().get("/api/me/payments?patientId=" + patient.patientId()),
                        200).body().path("items");
                return items.size() == 1 && items.path(0).path("outTradeNo").asText().equals(outTradeNo)
                        && items.path(0).path("status").asText().equals("PAID");
            });
            JsonNode record = Api.expect(patient.api().get("/api/me/payments?patientId=" + patient.patientId()), 200)
                    .body().path("items").path(0);
            assertThat(record.path("channel").asText()).isEqualTo("WECHAT");
            assertThat(record.hasNonNull("closedAt")).isFalse();
            assertThat(record.hasNonNull("closeReason")).isFalse();
        }
    }

    /**
     * An order closed while the hold lasts (WeChat Pay ended it unpaid, or a balance payment failed after its
     * close) gives way to a fresh order: the appointment stays payable by WeChat Pay.
     */
    @Test
    void anOrderClosedWhileTheHoldLasts_givesWayToAFreshOrder() throws IOException {
        Api.Patient patient = new Api(port).patient();
        String appointmentId = heldAppointment(patient);
        String first = openOrder(patient, appointmentId);
        weChatPay.closeOrder(first); // ended at WeChat Pay; the patient's refresh learns it
        assertThat(Api.expect(patient.api().post("/api/me/payments/" + first + "/refresh", "{}"), 200).text("status"))
                .isEqualTo("CLOSED");

        String fresh = openOrder(patient, appointmentId);
        assertThat(fresh).isNotEqualTo(first).matches("^RGW[0-9A-Z]{27}$");
        assertThat(openOrder(patient, appointmentId)).isEqualTo(fresh); // a retry finds it again
        assertThat(simulatePay(first).status()).isEqualTo(400);
        Api.expect(simulatePay(fresh), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(patient, appointmentId)));
        assertThat(payload(appointmentId, AppointmentConfirmed.class).path("paymentReference").asText())
                .isEqualTo(fresh);
        assertThat(events(first, PaymentSucceeded.class)).isZero();
    }

    @Test
    void suspendingASchedule_refundsEveryPaidAppointmentOnceToItsChannel() throws IOException {
        Api finance = admin.newStaff("FINANCE", null);
        String scheduleId = admin.openSchedule(5, FEE);
        Api.Patient byBalance = new Api(port).patient();
        Api.Patient byWeChat = new Api(port).patient();
        Api.Patient unpaid = new Api(port).patient();
        Api.expect(finance.counterTopUp(byBalance.patientId(), FEE), 200);
        String balanceAppointment = book(byBalance, scheduleId);
        String balanceOrder = Api.expect(byBalance.payWithBalance(balanceAppointment), 200).text("outTradeNo");
        String weChatOrder = paidWithWeChat(byWeChat, book(byWeChat, scheduleId));
        String heldAppointment = book(unpaid, scheduleId);

        Api.expect(admin.post("/api/admin/schedules/" + scheduleId + "/suspend", "{\"reason\":\"医生外出会诊\"}"), 200);

        String weChatRefund = "RC" + weChatOrder.substring(weChatOrder.length() - 30);
        await().atMost(Duration.ofSeconds(30)).until(() -> events(weChatRefund, RefundRequested.class) == 1);
        JsonNode requested = payload(weChatRefund, RefundRequested.class);
        assertThat(requested.path("reason").asText()).isEqualTo("APPOINTMENT_CANCELLED");
        assertThat(requested.path("note").asText()).isEqualTo("医生外出会诊");
        await().atMost(Duration.ofSeconds(20)).until(() -> simulateRefund(weChatRefund).status() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(weChatOrder, RefundSettled.class) == 1
                && events(balanceOrder, RefundSettled.class) == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CANCELLED".equals(status(unpaid, heldAppointment)));

        // suspended again: nothing is refunded twice
        admin.post("/api/admin/schedules/" + scheduleId + "/suspend", "{\"reason\":\"医生外出会诊\"}");
        assertThat(events(balanceOrder, RefundReserved.class)).isEqualTo(1);
        assertThat(events(weChatOrder, RefundReserved.class)).isEqualTo(1);
        assertThat(events(byBalance.patientId() + ":OUTPATIENT", AccountCredited.class)).isEqualTo(2); // top-up + refund
    }

    /** A separate application with 3-second holds (like {@link DeadlineAfterRestartIT}). */
    @Test
    void anExpiredHold_closesItsWeChatOrder() {
        Map<String, String> props = new LinkedHashMap<>(TestEnvironment.freshDatabase("wxexpiry"));
        props.put("yihuiliao.booking.payment-timeout", "3s");
        props.put("server.port", "0");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(YihuiliaoApplication.class)
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new))) {
            int appPort = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            JdbcTemplate appJdbc = app.getBean(JdbcTemplate.class);
            String scheduleId = new Api(appPort).admin().openSchedule(2, FEE);
            Api.Patient patient = new Api(appPort).patient();
            String appointmentId = Api.expect(patient.book(scheduleId), 201).text("appointmentId");
            String outTradeNo = Api.expect(patient.api().post("/api/appointments/" + appointmentId
                    + "/pay-with-wechat", "{\"patientId\":\"" + patient.patientId() + "\"}"), 200).text("outTradeNo");

            await().atMost(Duration.ofSeconds(30)).until(() -> appJdbc.queryForObject("SELECT COUNT(*) FROM "
                    + "domain_event_entry WHERE aggregate_identifier = ? AND payload_type = ?", Long.class, outTradeNo,
                    PaymentClosed.class.getName()) == 1);
            assertThat(appJdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                    + "AND payload_type = ?", Long.class, outTradeNo, PaymentSucceeded.class.getName())).isZero();
            // closed at WeChat Pay too: the order can no longer be paid there
            Api.Response pay = new Api(appPort).post("/sandbox/wechatpay/simulate/pay",
                    "{\"outTradeNo\":\"" + outTradeNo + "\"}");
            assertThat(pay.status()).isEqualTo(400);
            assertThat(pay.body().path("message").asText()).contains("CLOSED");
            assertThat(patient.api().post("/api/appointments/" + appointmentId + "/pay-with-wechat",
                    "{\"patientId\":\"" + patient.patientId() + "\"}").status()).isEqualTo(409);
        }
    }
}
