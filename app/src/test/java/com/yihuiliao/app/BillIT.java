package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.account.AccountCredited;
import com.yihuiliao.api.account.AccountDebited;
import com.yihuiliao.api.bill.BillIssued;
import com.yihuiliao.api.bill.BillItemRefunded;
import com.yihuiliao.api.bill.BillPaid;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RefundReserved;
import com.yihuiliao.api.payment.RefundSettled;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundSucceeded;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Self-service bills (自助缴费): issued by staff, paid from the balance or with WeChat Pay, refunded per line. */
class BillIT extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** line 1: 2 × 500 = 1,000 fen; line 2: 1 × 3,000 fen. */
    static final String ITEMS = "[{\"line\":1,\"code\":\"LAB-001\",\"name\":\"血常规\",\"category\":\"LAB\",\"quantity\":2,"
            + "\"unitPriceFen\":500},{\"line\":2,\"code\":\"IMG-002\",\"name\":\"胸部CT\",\"category\":\"IMAGING\","
            + "\"quantity\":1,\"unitPriceFen\":3000}]";
    static final long TOTAL = 4_000;

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api admin;
    Api finance;

    @BeforeEach
    void staff() {
        admin = new Api(port).admin();
        finance = admin.newStaff("FINANCE", null);
    }

    // --- helpers ----------------------------------------------------------------------------------

    Api.Response issue(String patientId, String externalNo, String items) {
        return finance.post("/api/admin/bills", "{\"patientId\":\"" + patientId + "\""
                + (externalNo == null ? "" : ",\"externalNo\":\"" + externalNo + "\"") + ",\"items\":" + items + "}");
    }

    String issued(Api.Patient patient) {
        return Api.expect(issue(patient.patientId(), null, ITEMS), 201).text("billId");
    }

    void topUp(Api.Patient patient, long amountFen) {
        Api.expect(finance.counterTopUp(patient.patientId(), amountFen), 200);
    }

    Api.Response pay(Api.Patient patient, String billId, String channel) {
        return patient.api().post("/api/me/bills/" + billId + "/pay-with-" + channel,
                "{\"patientId\":\"" + patient.patientId() + "\"}");
    }

    Api.Response refund(String billId, int line, String amountOrQuantity, String outRefundNo) {
        return finance.post("/api/admin/bills/" + billId + "/items/" + line + "/refunds", "{" + amountOrQuantity
                + ",\"reason\":\"检查取消\"" + (outRefundNo == null ? "" : ",\"outRefundNo\":\"" + outRefundNo + "\"") + "}");
    }

    Api.Response simulate(String what, String field, String id) {
        return new Api(port).post("/sandbox/wechatpay/simulate/" + what, "{\"" + field + "\":\"" + id + "\"}");
    }

    /** The bill as its patient reads it (a projection: waits until it shows the status). */
    JsonNode awaitBill(Api.Patient patient, String billId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Api.Response r = patient.api().get("/api/me/bills/" + billId);
            return r.status() == 200 && status.equals(r.body().path("bill").path("status").asText());
        });
        return patient.api().get("/api/me/bills/" + billId).body();
    }

    long balance(Api.Patient patient) {
        return patient.api().outpatientBalanceFen(patient.patientId());
    }

    long events(String aggregateId, Class<?> type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, aggregateId, type.getName());
    }

    List<JsonNode> payloads(String aggregateId, Class<?> type) {
        return jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ? ORDER BY sequence_number", byte[].class, aggregateId, type.getName()).stream()
                .map(payload -> {
                    try {
                        return JSON.readTree(payload);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
    }

    long sum(String aggregateId, Class<?> type) {
        return payloads(aggregateId, type).stream().mapToLong(p -> p.path("amountFen").asLong()).sum();
    }

    /** The balance the event store says. */
    long storedBalance(Api.Patient patient) {
        String account = patient.patientId() + ":OUTPATIENT";
        return sum(account, AccountCredited.class) - sum(account, AccountDebited.class);
    }

    // --- the balance ------------------------------------------------------------------------------

    @Test
    void payByBalance_thenPartialItemRefunds_neverAboveWhatTheItemPaid() {
        Api.Patient patient = new Api(port).patient();
        topUp(patient, 10_000);
        String externalNo = Api.unique("HIS");
        Api.Response issued = Api.expect(issue(patient.patientId(), externalNo, ITEMS), 201);
        String billId = issued.text("billId");
        assertThat(issued.body().path("totalFen").asLong()).isEqualTo(TOTAL);
        assertThat(issued.text("status")).isEqualTo("ISSUED");

        // the hospital system sends the same bill number again: the same bill, issued once
        Api.Response again = Api.expect(issue(patient.patientId(), externalNo, ITEMS), 200);
        assertThat(again.text("billId")).isEqualTo(billId);
        assertThat(events(billId, BillIssued.class)).isEqualTo(1);
        assertThat(awaitBill(patient, billId, "ISSUED").path("items")).hasSize(2);

        Api.Response paid = Api.expect(pay(patient, billId, "balance"), 200);
        String outTradeNo = paid.text("outTradeNo");
        assertThat(outTradeNo).startsWith("BL");
        assertThat(paid.body().path("balanceAfterFen").asLong()).isEqualTo(10_000 - TOTAL);
        JsonNode created = payloads(outTradeNo, PaymentCreated.class).get(0);
        assertThat(created.path("purpose").asText()).isEqualTo("BILL");
        assertThat(created.path("referenceId").asText()).isEqualTo(billId);

        // paid once: a second payment is refused
        Api.Response twice = pay(patient, billId, "balance");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("BILL_ALREADY_PAID");

        // line 2 paid 3,000: 1,000 then 1,500 back, then 501 is more than remains
        String first = "RB" + Api.unique("a").replace("-", "");
        Api.Response r1 = Api.expect(refund(billId, 2, "\"amountFen\":1000", first), 200);
        assertThat(r1.text("status")).isEqualTo("SUCCEEDED");
        assertThat(r1.text("outTradeNo")).isEqualTo(outTradeNo);
        assertThat(Api.expect(refund(billId, 2, "\"amountFen\":1500", null), 200).text("status")).isEqualTo("SUCCEEDED");
        Api.Response tooMuch = refund(billId, 2, "\"amountFen\":501", null);
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(tooMuch.code()).isEqualTo("BILL_REFUND_EXCEEDS_ITEM");
        // the same refund number again refunds once
        Api.expect(refund(billId, 2, "\"amountFen\":1000", first), 200);
        // line 1 by quantity: one unit of 500
        Api.Response byQuantity = Api.expect(refund(billId, 1, "\"quantity\":1", null), 200);
        assertThat(byQuantity.body().path("amountFen").asLong()).isEqualTo(500);

        // not around the bill: its lines keep the limits
        assertThat(finance.post("/api/admin/payments/" + outTradeNo + "/refunds",
                "{\"amountFen\":100,\"reason\":\"direct\"}").code()).isEqualTo("REFUND_THROUGH_ITS_OWNER");
        assertThat(events(billId, BillItemRefunded.class)).isEqualTo(3);
        assertThat(events(outTradeNo, RefundReserved.class)).isEqualTo(3);
        assertThat(sum(outTradeNo, RefundSettled.class)).isEqualTo(3_000);
        assertThat(events(patient.patientId() + ":OUTPATIENT", AccountCredited.class)).isEqualTo(1 + 3);
        assertThat(storedBalance(patient)).isEqualTo(10_000 - TOTAL + 3_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> balance(patient) == 10_000 - TOTAL + 3_000);

        await().atMost(Duration.ofSeconds(20)).until(() -> patient.api().get("/api/me/bills/" + billId).body()
                .path("bill").path("refundedFen").asLong() == 3_000);
        JsonNode bill = awaitBill(patient, billId, "PAID");
        assertThat(bill.path("bill").path("outTradeNo").asText()).isEqualTo(outTradeNo);
        assertThat(bill.path("bill").path("channel").asText()).isEqualTo("BALANCE");
        assertThat(bill.path("items").get(0).path("paidFen").asLong()).isEqualTo(1_000);
        assertThat(bill.path("items").get(0).path("refundedFen").asLong()).isEqualTo(500);
        assertThat(bill.path("items").get(0).path("refundedQuantity").asInt()).isEqualTo(1);
        assertThat(bill.path("items").get(1).path("refundedFen").asLong()).isEqualTo(2_500);

        // my list, and the staff's
        JsonNode mine = patient.api().get("/api/me/bills?patientId=" + patient.patientId() + "&status=PAID").items();
        assertThat(mine).hasSize(1);
        String today = LocalDate.now(Clocks.HOSPITAL_ZONE).toString();
        JsonNode page = Api.expect(admin.newStaff("AUDITOR", null).get("/api/admin/bills?patientId="
                + patient.patientId() + "&status=PAID&from=" + today + "&to=" + today), 200).body();
        assertThat(page.path("total").asLong()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("billId").asText()).isEqualTo(billId);
    }

    @Test
    void tooLittleBalance_writesNothing() {
        Api.Patient patient = new Api(port).patient();
        topUp(patient, TOTAL - 1);
        String billId = issued(patient);

        Api.Response refused = pay(patient, billId, "balance");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("INSUFFICIENT_BALANCE");
        assertThat(events(billId, BillPaid.class)).isZero();
        assertThat(events(patient.patientId() + ":OUTPATIENT", AccountDebited.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ? "
                + "AND payload LIKE ?", Long.class, PaymentCreated.class.getName(), "%" + billId + "%")).isZero();
        assertThat(storedBalance(patient)).isEqualTo(TOTAL - 1);
    }

    @Test
    void twentyParallelRefundsOfOneItem_refundExactlyWhatItPaid() throws Exception {
        Api.Patient patient = new Api(port).patient();
        topUp(patient, 5_000);
        String billId = Api.expect(issue(patient.patientId(), null, "[{\"code\":\"TRT-1\",\"name\":\"换药\","
                + "\"category\":\"TREATMENT\",\"quantity\":1,\"unitPriceFen\":1000}]"), 201).text("billId");
        String outTradeNo = Api.expect(pay(patient, billId, "balance"), 200).text("outTradeNo");

        Map<String, Long> outcome = ConcurrentBookingIT.race(20, i -> refund(billId, 1, "\"amountFen\":100", null));

        assertThat(outcome.get("200")).as(outcome.toString()).isEqualTo(10);
        assertThat(outcome.get("422 BILL_REFUND_EXCEEDS_ITEM")).as(outcome.toString()).isEqualTo(10);
        assertThat(sum(billId, BillItemRefunded.class)).isEqualTo(1_000);
        assertThat(sum(outTradeNo, RefundSettled.class)).isEqualTo(1_000);
        assertThat(storedBalance(patient)).isEqualTo(5_000);
        await().atMost(Duration.ofSeconds(20)).until(() -> balance(patient) == 5_000);
    }

    @Test
    void theSameHospitalBillNumberSentInParallel_issuesOneBill() throws Exception {
        Api.Patient patient = new Api(port).patient();
        String externalNo = Api.unique("HIS");

        Map<String, Long> outcome = ConcurrentBookingIT.race(8, i -> issue(patient.patientId(), externalNo, ITEMS));

        assertThat(outcome.getOrDefault("201", 0L) + outcome.getOrDefault("200", 0L)).as(outcome.toString())
                .isEqualTo(8);
        assertThat(outcome.get("201")).as(outcome.toString()).isEqualTo(1);
        String billId = Api.expect(issue(patient.patientId(), externalNo, ITEMS), 200).text("billId");
        assertThat(events(billId, BillIssued.class)).isEqualTo(1);
        // the same number for another bill is a conflict
        Api.Response other = issue(patient.patientId(), externalNo, "[{\"code\":\"X\",\"name\":\"x\","
                + "\"category\":\"OTHER\",\"quantity\":1,\"unitPriceFen\":1}]");
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_CONFLICT");
    }

    // --- WeChat Pay -------------------------------------------------------------------------------

    @Test
    void payByWeChat_throughTheSandbox_thenAnItemRefundGoesBackToWeChat() {
        Api.Patient patient = new Api(port).patient();
        String billId = issued(patient);

        Api.Response prepaid = Api.expect(pay(patient, billId, "wechat"), 200);
        String outTradeNo = prepaid.text("outTradeNo");
        assertThat(outTradeNo).matches("^BLW[0-9A-Z]{27}$");
        assertThat(prepaid.body().path("amountFen").asLong()).isEqualTo(TOTAL);
        assertThat(prepaid.text("package")).startsWith("prepay_id=");
        // a retry finds the same order
        Api.Response again = Api.expect(pay(patient, billId, "wechat"), 200);
        assertThat(again.text("outTradeNo")).isEqualTo(outTradeNo);
        assertThat(again.text("package")).isEqualTo(prepaid.text("package"));
        assertThat(events(outTradeNo, PaymentCreated.class)).isEqualTo(1);
        // another account's patient cannot pay it
        Api.Patient stranger = new Api(port).patient();
        assertThat(pay(stranger, billId, "wechat").status()).isEqualTo(404);
        assertThat(stranger.api().post("/api/me/bills/" + billId + "/pay-with-wechat",
                "{\"patientId\":\"" + patient.patientId() + "\"}").status()).isEqualTo(404);

        Api.expect(simulate("pay", "outTradeNo", outTradeNo), 200);
        JsonNode bill = awaitBill(patient, billId, "PAID");
        assertThat(bill.path("bill").path("channel").asText()).isEqualTo("WECHAT");
        assertThat(bill.path("bill").path("outTradeNo").asText()).isEqualTo(outTradeNo);

        // WeChat Pay notifies again: one effect
        Api.expect(simulate("pay", "outTradeNo", outTradeNo), 200);
        assertThat(events(outTradeNo, PaymentSucceeded.class)).isEqualTo(1);
        assertThat(events(billId, BillPaid.class)).isEqualTo(1);
        assertThat(pay(patient, billId, "balance").code()).isEqualTo("BILL_ALREADY_PAID");

        // line 2: 1,200 back to WeChat, through the sandbox's refund path
        String outRefundNo = "RB" + outTradeNo.substring(3);
        Api.Response asked = Api.expect(refund(billId, 2, "\"amountFen\":1200", outRefundNo), 200);
        assertThat(asked.text("status")).isIn("REQUESTED", "SUCCEEDED");
        JsonNode requested = payloads(outRefundNo, RefundRequested.class).get(0);
        assertThat(requested.path("channel").asText()).isEqualTo("WECHAT");
        assertThat(requested.path("amountFen").asLong()).isEqualTo(1_200);
        await().atMost(Duration.ofSeconds(20)).until(() -> simulate("refund", "outRefundNo", outRefundNo).status() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(outRefundNo, RefundSucceeded.class) == 1);
        assertThat(events(outTradeNo, RefundSettled.class)).isEqualTo(1);
        // the refund retried: once
        assertThat(Api.expect(refund(billId, 2, "\"amountFen\":1200", outRefundNo), 200).text("status"))
                .isEqualTo("SUCCEEDED");
        assertThat(events(billId, BillItemRefunded.class)).isEqualTo(1);
    }

    @Test
    void weChatMoneyForAVoidedOrAlreadyPaidBill_isRefundedInFull() {
        Api.Patient patient = new Api(port).patient();
        // voided while the patient had the WeChat order open
        String voided = issued(patient);
        String voidedOrder = Api.expect(pay(patient, voided, "wechat"), 200).text("outTradeNo");
        Api.expect(finance.post("/api/admin/bills/" + voided + "/void", "{\"reason\":\"开错了\"}"), 200);
        assertThat(pay(patient, voided, "balance").code()).isEqualTo("BILL_VOIDED");
        Api.expect(simulate("pay", "outTradeNo", voidedOrder), 200);

        // paid from the balance while the WeChat order was open
        topUp(patient, TOTAL);
        String paid = issued(patient);
        String lateOrder = Api.expect(pay(patient, paid, "wechat"), 200).text("outTradeNo");
        Api.expect(pay(patient, paid, "balance"), 200);
        Api.expect(simulate("pay", "outTradeNo", lateOrder), 200);

        for (String order : List.of(voidedOrder, lateOrder)) {
            String outRefundNo = "RL" + order;
            await().atMost(Duration.ofSeconds(20)).until(() -> events(outRefundNo, RefundRequested.class) == 1);
            JsonNode requested = payloads(outRefundNo, RefundRequested.class).get(0);
            assertThat(requested.path("amountFen").asLong()).isEqualTo(TOTAL);
            assertThat(requested.path("channel").asText()).isEqualTo("WECHAT");
            assertThat(requested.path("reason").asText()).startsWith("BILL_LATE_");
            await().atMost(Duration.ofSeconds(20)).until(() -> simulate("refund", "outRefundNo", outRefundNo).status() == 200);
            await().atMost(Duration.ofSeconds(20)).until(() -> events(outRefundNo, RefundSucceeded.class) == 1);
            assertThat(events(order, RefundReserved.class)).isEqualTo(1);
            assertThat(events(order, RefundSettled.class)).isEqualTo(1);
        }
        assertThat(events(voided, BillPaid.class)).isZero();
        assertThat(awaitBill(patient, voided, "VOIDED").path("bill").path("voidedAt").isNull()).isFalse();
        assertThat(events(paid, BillPaid.class)).isEqualTo(1);
        assertThat(awaitBill(patient, paid, "PAID").path("bill").path("channel").asText()).isEqualTo("BALANCE");
    }

    // --- bad input and access ---------------------------------------------------------------------

    @Test
    void badInput_isRefused() {
        Api.Patient patient = new Api(port).patient();
        String p = patient.patientId();
        for (String items : List.of(
                "[{\"code\":\"X\",\"name\":\"x\",\"category\":\"LAB\",\"quantity\":1,\"unitPriceFen\":-100}]",
                "[{\"code\":\"X\",\"name\":\"x\",\"category\":\"LAB\",\"quantity\":1,\"unitPriceFen\":0}]",
                "[{\"code\":\"X\",\"name\":\"x\",\"category\":\"LAB\",\"quantity\":0,\"unitPriceFen\":100}]",
                "[{\"code\":\"X\",\"name\":\"x\",\"category\":\"NOPE\",\"quantity\":1,\"unitPriceFen\":100}]",
                "[]")) {
            assertThat(issue(p, null, items).status()).as(items).isEqualTo(400);
        }
        Api.Response duplicateLines = issue(p, null, "[{\"line\":1,\"code\":\"X\",\"name\":\"x\",\"category\":\"LAB\","
                + "\"quantity\":1,\"unitPriceFen\":100},{\"line\":1,\"code\":\"Y\",\"name\":\"y\",\"category\":\"LAB\","
                + "\"quantity\":1,\"unitPriceFen\":100}]");
        assertThat(duplicateLines.status()).isEqualTo(422);
        assertThat(duplicateLines.code()).isEqualTo("INVALID_BILL");
        Api.Response tooMuch = issue(p, null, "[{\"code\":\"X\",\"name\":\"x\",\"category\":\"LAB\",\"quantity\":2,"
                + "\"unitPriceFen\":5000001}]");
        assertThat(tooMuch.status()).isEqualTo(422);
        assertThat(issue("no-such-patient", null, ITEMS).code()).isEqualTo("PATIENT_NOT_FOUND");

        String unknown = "BI261124ZZZZZZZZZZ";
        assertThat(pay(patient, unknown, "balance").code()).isEqualTo("BILL_NOT_FOUND");
        assertThat(pay(patient, unknown, "wechat").code()).isEqualTo("BILL_NOT_FOUND");
        assertThat(refund(unknown, 1, "\"amountFen\":100", null).code()).isEqualTo("BILL_NOT_FOUND");
        assertThat(finance.post("/api/admin/bills/" + unknown + "/void", "{\"reason\":\"x\"}").status()).isEqualTo(404);
        assertThat(patient.api().get("/api/me/bills/" + unknown).code()).isEqualTo("BILL_NOT_FOUND");

        String billId = issued(patient);
        Api.Response unpaid = refund(billId, 1, "\"amountFen\":100", null);
        assertThat(unpaid.status()).isEqualTo(409);
        assertThat(unpaid.code()).isEqualTo("BILL_NOT_REFUNDABLE");
        assertThat(refund(billId, 1, "\"amountFen\":100,\"quantity\":1", null).status()).isEqualTo(400);
        assertThat(refund(billId, 1, "\"amountFen\":-1", null).status()).isEqualTo(400);

        // someone else's bill: as if it did not exist
        Api.Patient stranger = new Api(port).patient();
        awaitBill(patient, billId, "ISSUED");
        assertThat(stranger.api().get("/api/me/bills/" + billId).status()).isEqualTo(404);
        assertThat(stranger.api().get("/api/me/bills?patientId=" + p).status()).isEqualTo(404);
        assertThat(pay(stranger, billId, "balance").status()).isEqualTo(404);

        // who may call what
        assertThat(patient.api().post("/api/admin/bills", "{}").status()).isEqualTo(403);
        Api auditor = admin.newStaff("AUDITOR", null);
        assertThat(auditor.get("/api/admin/bills").status()).isEqualTo(200);
        assertThat(auditor.post("/api/admin/bills/" + billId + "/void", "{\"reason\":\"x\"}").status()).isEqualTo(403);
        assertThat(admin.newStaff("SCHEDULER", null).get("/api/admin/bills").status()).isEqualTo(403);

        // a paid bill cannot be voided
        topUp(patient, TOTAL);
        Api.expect(pay(patient, billId, "balance"), 200);
        assertThat(finance.post("/api/admin/bills/" + billId + "/void", "{\"reason\":\"x\"}").code())
                .isEqualTo("BILL_NOT_VOIDABLE");
        Api.Response aboveItem = refund(billId, 1, "\"amountFen\":1001", null);
        assertThat(aboveItem.status()).isEqualTo(422);
        assertThat(events(billId, BillItemRefunded.class)).isZero();
    }

    // --- refund requests (退费申请) ----------------------------------------------------------------

    Api.Response askRefund(Api.Patient patient, String billId, int line, String amountOrQuantity, String requestId) {
        return patient.api().post("/api/me/bills/" + billId + "/refund-requests", "{\"patientId\":\""
                + patient.patientId() + "\",\"line\":" + line + "," + amountOrQuantity + ",\"reason\":\"开错了药\""
                + (requestId == null ? "" : ",\"requestId\":\"" + requestId + "\"") + "}");
    }

    JsonNode awaitRequest(Api.Patient patient, String billId, String requestId, String status) {
        await().atMost(Duration.ofSeconds(20)).until(() -> patient.api().get("/api/me/bills/" + billId).body()
                .path("refundRequests").findValues("requestId").stream().anyMatch(id -> id.asText().equals(requestId)
                        && status.equals(requestOf(patient, billId, requestId).path("status").asText())));
        return requestOf(patient, billId, requestId);
    }

    JsonNode requestOf(Api.Patient patient, String billId, String requestId) {
        for (JsonNode request : patient.api().get("/api/me/bills/" + billId).body().path("refundRequests")) {
            if (request.path("requestId").asText().equals(requestId)) {
                return request;
            }
        }
        return JSON.createObjectNode();
    }

    @Test
    void aPatientsRefundRequest_isApprovedOrRejectedByFinance_andAnApprovalRefundsTheLine() {
        Api.Patient patient = new Api(port).patient();
        topUp(patient, TOTAL);
        String billId = issued(patient);
        Api.expect(pay(patient, billId, "balance"), 200);
        awaitBill(patient, billId, "PAID");

        // asked once, even when the mini-program retries
        Api.Response asked = Api.expect(askRefund(patient, billId, 1, "\"quantity\":1", "req-1"), 201);
        String requestId = asked.text("requestId");
        assertThat(asked.text("status")).isEqualTo("PENDING");
        assertThat(asked.body().path("amountFen").asLong()).isEqualTo(500);
        assertThat(Api.expect(askRefund(patient, billId, 1, "\"quantity\":1", "req-1"), 200).text("requestId"))
                .isEqualTo(requestId);
        // a pending request holds its units back: line 1 has 2 units, 1 is asked for
        assertThat(askRefund(patient, billId, 1, "\"quantity\":2", null).code()).isEqualTo("BILL_REFUND_EXCEEDS_ITEM");
        // another account's patient, or someone else's bill, is not found
        Api.Patient stranger = new Api(port).patient();
        assertThat(askRefund(stranger, billId, 1, "\"quantity\":1", null).status()).isEqualTo(404);
        assertThat(askRefund(patient, billId, 1, "\"quantity\":1,\"amountFen\":500", null).status()).isEqualTo(400);

        // finance's queue shows it; a patient cannot decide it
        await().atMost(Duration.ofSeconds(20)).until(() -> finance.all("/api/admin/bills/refund-requests")
                .findValuesAsText("requestId").contains(requestId));
        assertThat(patient.api().post("/api/admin/bills/" + billId + "/refund-requests/" + requestId + "/approve", "{}")
                .status()).isEqualTo(403);

        Api.Response approved = Api.expect(finance.post("/api/admin/bills/" + billId + "/refund-requests/" + requestId
                + "/approve", "{}"), 200);
        assertThat(approved.text("status")).isEqualTo("SUCCEEDED");
        assertThat(approved.body().path("amountFen").asLong()).isEqualTo(500);
        // approving again answers the same refund and pays nothing more
        assertThat(Api.expect(finance.post("/api/admin/bills/" + billId + "/refund-requests/" + requestId + "/approve",
                "{}"), 200).text("outRefundNo")).isEqualTo(approved.text("outRefundNo"));
        await().atMost(Duration.ofSeconds(20)).until(() -> balance(patient) == 500);
        assertThat(storedBalance(patient)).isEqualTo(500);
        JsonNode done = awaitRequest(patient, billId, requestId, "APPROVED");
        assertThat(done.path("outRefundNo").asText()).isEqualTo(approved.text("outRefundNo"));
        assertThat(awaitBill(patient, billId, "PAID").path("items").get(0).path("refundedFen").asLong()).isEqualTo(500);

        // a second request is rejected with a reason the patient reads; it cannot then be approved
        String second = Api.expect(askRefund(patient, billId, 2, "\"amountFen\":3000", null), 201).text("requestId");
        Api.expect(finance.post("/api/admin/bills/" + billId + "/refund-requests/" + second + "/reject",
                "{\"reason\":\"检查已做\"}"), 200);
        JsonNode rejected = awaitRequest(patient, billId, second, "REJECTED");
        assertThat(rejected.path("decisionReason").asText()).isEqualTo("检查已做");
        assertThat(finance.post("/api/admin/bills/" + billId + "/refund-requests/" + second + "/approve", "{}").code())
                .isEqualTo("BILL_REFUND_REQUEST_DECIDED");
        assertThat(finance.post("/api/admin/bills/" + billId + "/refund-requests/RQ-none/reject",
                "{\"reason\":\"x\"}").code()).isEqualTo("BILL_REFUND_REQUEST_NOT_FOUND");
        assertThat(balance(patient)).isEqualTo(500);
    }

    @Test
    void twentyParallelRefundRequestsOfOneLine_askNoMoreThanItHas_andTheirApprovalsRefundExactlyThat() throws Exception {
        Api.Patient patient = new Api(port).patient();
        topUp(patient, TOTAL);
        String billId = issued(patient);
        Api.expect(pay(patient, billId, "balance"), 200);
        // line 1 has 2 units of 500 fen
        Map<String, Long> asked = ConcurrentBookingIT.race(20, i -> askRefund(patient, billId, 1, "\"quantity\":1", null));
        assertThat(asked).as("answers").containsEntry("201", 2L).containsEntry("422 BILL_REFUND_EXCEEDS_ITEM", 18L);

        await().atMost(Duration.ofSeconds(20)).until(() -> patient.api().get("/api/me/bills/" + billId).body()
                .path("refundRequests").size() == 2);
        List<String> requests = patient.api().get("/api/me/bills/" + billId).body().path("refundRequests")
                .findValuesAsText("requestId");
        Map<String, Long> approved = ConcurrentBookingIT.race(10, i -> finance.post("/api/admin/bills/" + billId
                + "/refund-requests/" + requests.get(i % 2) + "/approve", "{}"));
        assertThat(approved).as("answers").containsOnlyKeys("200");
        assertThat(sum(billId, BillItemRefunded.class)).isEqualTo(1_000);
        assertThat(storedBalance(patient)).isEqualTo(1_000);
    }
}
