package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.refund.RefundSucceeded;
import com.yihuiliao.sandbox.wechatpay.WeChatPaySandbox;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * 对账 end to end: payments and refunds through the real SDK against the WeChat Pay sandbox, the day reconciled
 * with the sandbox's trade bill over HTTP. A context of its own (a fresh database and sandbox), so the day holds only
 * what these tests did; the sandbox's minute between two refunds of an order is 5 seconds here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// a context no other class shares: closed after the class, so its processors stop polling beside the later tests
@DirtiesContext
class ReconciliationIT {

    private static final Map<String, String> DATABASE = TestEnvironment.freshDatabase("recon");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final long FEE = 2_500;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.forEach((key, value) -> registry.add(key, () -> value));
        registry.add("yihuiliao.wechatpay.sandbox-refund-interval", () -> "PT5S");
        registry.add("yihuiliao.wechatpay.refund-retry-after", () -> "PT2S");
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WeChatPaySandbox sandbox;

    Api admin;
    Api finance;

    @BeforeEach
    void staff() {
        admin = new Api(port).admin();
        finance = admin.newStaff("FINANCE", null);
    }

    // --- helpers ----------------------------------------------------------------------------------

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    String status(Api.Patient patient, String appointmentId) {
        return patient.api().get("/api/me/appointments/" + appointmentId).body().path("appointment").path("status").asText();
    }

    /** A new patient's appointment, paid with WeChat Pay through the sandbox; answers the order number. */
    String paidWithWeChat() {
        Api.Patient patient = new Api(port).patient();
        String appointmentId = Api.expect(patient.book(admin.openSchedule(5, FEE)), 201).text("appointmentId");
        String outTradeNo = Api.expect(patient.api().post("/api/appointments/" + appointmentId + "/pay-with-wechat",
                "{\"patientId\":\"" + patient.patientId() + "\"}"), 200).text("outTradeNo");
        Api.expect(new Api(port).post("/sandbox/wechatpay/simulate/pay", "{\"outTradeNo\":\"" + outTradeNo + "\"}"), 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CONFIRMED".equals(status(patient, appointmentId)));
        return outTradeNo;
    }

    /** A staff refund of part of the order; answers its number once WeChat Pay has it and said SUCCESS. */
    String refunded(String outTradeNo, String outRefundNo, long amountFen) {
        Api.expect(finance.post("/api/admin/payments/" + outTradeNo + "/refunds", "{\"amountFen\":" + amountFen
                + ",\"reason\":\"部分退费\",\"outRefundNo\":\"" + outRefundNo + "\"}"), 200);
        return outRefundNo;
    }

    void settledAtWeChat(String outRefundNo) {
        await().atMost(Duration.ofSeconds(30)).until(() -> new Api(port).post("/sandbox/wechatpay/simulate/refund",
                "{\"outRefundNo\":\"" + outRefundNo + "\",\"outcome\":\"SUCCESS\"}").status() == 200);
        await().atMost(Duration.ofSeconds(20)).until(() -> events(outRefundNo, RefundSucceeded.class) == 1
                && "SUCCEEDED".equals(jdbc.queryForObject("SELECT status FROM refund_order WHERE out_refund_no = ?",
                String.class, outRefundNo)));
    }

    long events(String aggregateId, Class<?> type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, aggregateId, type.getName());
    }

    Api.Response run(Api who, LocalDate date) {
        return who.post("/api/admin/reconciliation/days/" + date + "/run", "{}");
    }

    List<JsonNode> mismatches(LocalDate date) {
        List<JsonNode> all = new ArrayList<>();
        admin.all("/api/admin/reconciliation/mismatches?date=" + date).forEach(all::add);
        return all;
    }

    static String number(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    void ourOrder(String outTradeNo, long amountFen, String status, Instant paidAt) {
        jdbc.update("INSERT INTO payment_order (out_trade_no, purpose, reference_id, patient_id, amount_fen, channel, status, "
                        + "created_at, paid_at) VALUES (?, 'REGISTRATION', 'planted', 'planted', ?, 'WECHAT', ?, ?, ?)",
                outTradeNo, amountFen, status, utc(paidAt == null ? Instant.now() : paidAt), paidAt == null ? null : utc(paidAt));
    }

    static Timestamp utc(Instant at) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    // --- tests ------------------------------------------------------------------------------------

    @Test
    void aDayPaidAndRefundedThroughTheSandboxBalances_thenEachPlantedDifferenceIsFoundOnce_andReRunsAddNone() {
        String outTradeNo = paidWithWeChat();
        settledAtWeChat(refunded(outTradeNo, "RF" + outTradeNo.substring(outTradeNo.length() - 28), 1_000));

        Api.Response first = Api.expect(run(finance, today()), 200);
        assertThat(first.body().path("balanced").asBoolean()).as(first.body().toString()).isTrue();
        assertThat(first.body().path("mismatches").asInt()).isZero();
        assertThat(first.body().path("weChatPayments").asInt()).isPositive()
                .isEqualTo(first.body().path("ourPayments").asInt());
        assertThat(first.body().path("weChatRefunds").asInt()).isPositive()
                .isEqualTo(first.body().path("ourRefunds").asInt());
        assertThat(first.body().path("weChatPaymentFen").asLong()).isEqualTo(first.body().path("ourPaymentFen").asLong());
        assertThat(first.body().path("weChatRefundFen").asLong()).isEqualTo(first.body().path("ourRefundFen").asLong());
        assertThat(mismatches(today())).isEmpty();
        // an auditor reads it: balanced, said so
        Api auditor = admin.newStaff("AUDITOR", null);
        assertThat(Api.expect(auditor.get("/api/admin/reconciliation/days/" + today()), 200).body()
                .path("balanced").asBoolean()).isTrue();

        // one difference of each kind, written straight into WeChat Pay's ledger and ours
        Instant now = Instant.now();
        String onlyWeChat = number("RCMO");
        sandbox.plantPayment(onlyWeChat, 1_234, now);
        String onlyOurs = number("RCMW");
        ourOrder(onlyOurs, 777, "PAID", now);
        String amount = number("RCAD");
        sandbox.plantPayment(amount, 2_000, now);
        ourOrder(amount, 2_100, "PAID", now);
        String status = number("RCSD");
        sandbox.plantPayment(status, 500, now);
        ourOrder(status, 500, "CLOSED", null);

        Api.Response second = Api.expect(run(finance, today()), 200);
        assertThat(second.body().path("balanced").asBoolean()).isFalse();
        assertThat(second.body().path("mismatches").asInt()).isEqualTo(4);
        Map<String, String> kinds = new HashMap<>();
        mismatches(today()).forEach(m -> kinds.put(m.path("number").asText(), m.path("kind").asText()));
        assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of(onlyWeChat, "MISSING_OURS", onlyOurs, "MISSING_WECHAT",
                amount, "AMOUNT_DIFFERS", status, "STATUS_DIFFERS"));
        JsonNode amountDiffers = mismatches(today()).stream().filter(m -> m.path("number").asText().equals(amount))
                .findFirst().orElseThrow();
        assertThat(amountDiffers.path("weChatFen").asLong()).isEqualTo(2_000);
        assertThat(amountDiffers.path("ourFen").asLong()).isEqualTo(2_100);
        assertThat(amountDiffers.path("open").asBoolean()).isTrue();

        // re-running the day adds nothing
        Api.Response third = Api.expect(run(admin, today()), 200);
        assertThat(third.body().path("mismatches").asInt()).isEqualTo(4);
        assertThat(third.body().path("runs").asInt()).isEqualTo(3);
        assertThat(mismatches(today())).hasSize(4);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM reconciliation_mismatch", Integer.class)).isEqualTo(4);

        // finance resolves one with a note: who and when are kept, a retry answers the same, another note is refused
        String id = amountDiffers.path("mismatchId").asText();
        Api.Response resolved = Api.expect(finance.post("/api/admin/reconciliation/mismatches/" + id + "/resolve",
                "{\"note\":\"院内订单金额录入有误，已与微信支付核实\"}"), 200);
        assertThat(resolved.body().path("open").asBoolean()).isFalse();
        assertThat(resolved.text("resolvedBy")).isNotBlank();
        assertThat(resolved.text("resolvedAt")).isNotBlank();
        assertThat(resolved.text("note")).isEqualTo("院内订单金额录入有误，已与微信支付核实");
        Api.expect(finance.post("/api/admin/reconciliation/mismatches/" + id + "/resolve",
                "{\"note\":\"院内订单金额录入有误，已与微信支付核实\"}"), 200);
        Api.Response otherNote = finance.post("/api/admin/reconciliation/mismatches/" + id + "/resolve", "{\"note\":\"改主意\"}");
        assertThat(otherNote.status()).isEqualTo(409);
        assertThat(otherNote.code()).isEqualTo("RECONCILIATION_MISMATCH_RESOLVED");
        assertThat(auditor.post("/api/admin/reconciliation/mismatches/" + id + "/resolve", "{\"note\":\"x\"}").status())
                .isEqualTo(403);

        // a re-run keeps the resolution; the day still shows 4, 3 of them open
        Api.Response fourth = Api.expect(run(finance, today()), 200);
        assertThat(fourth.body().path("mismatches").asInt()).isEqualTo(4);
        assertThat(fourth.body().path("openMismatches").asInt()).isEqualTo(3);
        assertThat(Api.expect(admin.get("/api/admin/reconciliation/mismatches/" + id), 200).body().path("open").asBoolean())
                .isFalse();
        assertThat(Api.expect(admin.get("/api/admin/reconciliation/mismatches?date=" + today() + "&open=true"), 200)
                .body().path("total").asInt()).isEqualTo(3);
        assertThat(Api.expect(admin.get("/api/admin/reconciliation/mismatches?kind=MISSING_OURS"), 200)
                .body().path("total").asInt()).isEqualTo(1);

        // a difference made good (our record corrected) is gone at the next run
        jdbc.update("UPDATE payment_order SET status = 'PAID', paid_at = ? WHERE out_trade_no = ?", utc(now), status);
        assertThat(Api.expect(run(finance, today()), 200).body().path("mismatches").asInt()).isEqualTo(3);
    }

    @Test
    void twoRefundsOfOneOrderSecondsApart_bothComplete_theSecondAfterWeChatPaysMinute() {
        String outTradeNo = paidWithWeChat();
        String tail = outTradeNo.substring(outTradeNo.length() - 26);
        String first = refunded(outTradeNo, "RFA1" + tail, 1_000);
        String second = refunded(outTradeNo, "RFA2" + tail, 500);

        // WeChat Pay answered the second FREQUENCY_LIMITED: it waits in a persistent task, not lost
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'wechat-refund-retry' AND task_instance = ?",
                Integer.class, second) == 1);
        settledAtWeChat(first);
        settledAtWeChat(second);
        assertThat(events(second, RefundSucceeded.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'wechat-refund-retry'",
                Integer.class)).isZero();
    }

    @Test
    void onlyFinanceAndTheSuperAdminRunDays_auditorsRead_othersAreRefused() {
        LocalDate yesterday = today().minusDays(1);
        Api scheduler = admin.newStaff("SCHEDULER", null);
        Api doctor = admin.newStaff("DOCTOR", admin.doctor(admin.department(), 100));
        Api auditor = admin.newStaff("AUDITOR", null);
        Api.Patient patient = new Api(port).patient();

        assertThat(run(scheduler, yesterday).status()).isEqualTo(403);
        assertThat(scheduler.get("/api/admin/reconciliation/mismatches").status()).isEqualTo(403);
        assertThat(run(doctor, yesterday).status()).isEqualTo(403);
        assertThat(doctor.get("/api/admin/reconciliation/days/" + yesterday).status()).isEqualTo(403);
        assertThat(run(auditor, yesterday).status()).isEqualTo(403);
        assertThat(run(patient.api(), yesterday).status()).isEqualTo(403);
        assertThat(patient.api().get("/api/admin/reconciliation/mismatches").status()).isEqualTo(403);
        assertThat(run(new Api(port), yesterday).status()).isEqualTo(401);
        assertThat(new Api(port).get("/api/admin/reconciliation/mismatches").status()).isEqualTo(401);
        assertThat(Api.expect(auditor.get("/api/admin/reconciliation/mismatches"), 200).body().has("items")).isTrue();
    }

    @Test
    void badDatesAreProblemDetails_andADayNeverRunIsNotFound() {
        for (String date : new String[] {"2026-13-01", "yesterday", today().plusDays(1).toString(),
                today().minusMonths(4).toString()}) {
            Api.Response refused = finance.post("/api/admin/reconciliation/days/" + date + "/run", "{}");
            assertThat(refused.status()).as(date).isEqualTo(400);
            assertThat(refused.code()).as(date).isEqualTo("INVALID_BILL_DATE");
        }
        Api.Response badFilter = finance.get("/api/admin/reconciliation/mismatches?date=2026-02-30");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.code()).isEqualTo("INVALID_BILL_DATE");
        assertThat(finance.get("/api/admin/reconciliation/mismatches?kind=SOMETHING").status()).isEqualTo(400);
        Api.Response never = finance.get("/api/admin/reconciliation/days/" + today().minusDays(20));
        assertThat(never.status()).isEqualTo(404);
        assertThat(never.code()).isEqualTo("RECONCILIATION_DAY_NOT_FOUND");
        assertThat(finance.get("/api/admin/reconciliation/mismatches/RM20261130PNOSUCH").code())
                .isEqualTo("RECONCILIATION_MISMATCH_NOT_FOUND");
        Api.Response blank = finance.post("/api/admin/reconciliation/mismatches/RM20261130PNOSUCH/resolve", "{\"note\":\"\"}");
        assertThat(blank.status()).isEqualTo(400);
    }

    // a run of a day without any trade balances, and says so
    @Test
    void aDayWithoutTradeBalances() {
        Api.Response day = Api.expect(run(finance, today().minusDays(30)), 200);
        assertThat(day.body().path("balanced").asBoolean()).isTrue();
        assertThat(day.body().path("mismatches").asInt()).isZero();
        assertThat(day.body().path("weChatPayments").asInt()).isZero();
    }
}
