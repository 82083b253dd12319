package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.topup.TopUpCredited;
import com.yihuiliao.projection.account.AccountProjection;
import com.yihuiliao.projection.bill.BillProjection;
import com.yihuiliao.projection.billing.BillingProjection;
import com.yihuiliao.projection.finance.FinanceProjection;
import com.yihuiliao.projection.invoice.InvoiceProjection;
import com.yihuiliao.projection.topup.TopUpProjection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit replays: a small but realistic history made through the API, every billing read model rebuilt from the
 * event store into shadow tables while the system runs, and verified against the live tables — equal; then one
 * live row corrupted by hand, and the verify names exactly that row and column.
 */
class ReadModelRebuildIT extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String BILL_ITEMS = "[{\"line\":1,\"code\":\"LAB-001\",\"name\":\"血常规\",\"category\":\"LAB\","
            + "\"quantity\":2,\"unitPriceFen\":500},{\"line\":2,\"code\":\"IMG-002\",\"name\":\"胸部CT\","
            + "\"category\":\"IMAGING\",\"quantity\":1,\"unitPriceFen\":3000}]";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;

    Api admin;
    Api finance;
    Api auditor;

    // --- helpers ----------------------------------------------------------------------------------

    Api.Response simulate(String what, String field, String id) {
        return new Api(port).post("/sandbox/wechatpay/simulate/" + what, "{\"" + field + "\":\"" + id + "\"}");
    }

    long events(String aggregateId, Class<?> type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, aggregateId, type.getName());
    }

    String refundStatus(String outRefundNo) {
        List<String> status = jdbc.queryForList("SELECT status FROM refund_record WHERE out_refund_no = ?",
                String.class, outRefundNo);
        return status.isEmpty() ? null : status.get(0);
    }

    /** Payments by balance and by WeChat, a cancellation with its refund, top-ups, a withdrawal, a bill refunded in part. */
    List<String> history() {
        List<String> refunded = new ArrayList<>();
        Api.Patient alice = new Api(port).patient();
        expect(finance.counterTopUp(alice.patientId(), 20_000), 200);

        // paid from the balance, then cancelled: refunded to the balance
        String cancelled = expect(alice.book(admin.openSchedule(5, 3_000)), 201).text("appointmentId");
        expect(alice.payWithBalance(cancelled), 200);
        expect(alice.api().post("/api/appointments/" + cancelled + "/cancel",
                "{\"patientId\":\"" + alice.patientId() + "\"}"), 200);

        // paid from the balance, then refunded in part by finance
        String kept = expect(alice.book(admin.openSchedule(5, 2_500)), 201).text("appointmentId");
        String keptTrade = expect(alice.payWithBalance(kept), 200).text("outTradeNo");
        String partRefund = "RF" + keptTrade.substring(2);
        expect(finance.post("/api/admin/payments/" + keptTrade + "/refunds",
                "{\"amountFen\":500,\"reason\":\"多收费用\",\"outRefundNo\":\"" + partRefund + "\"}"), 200);
        refunded.add(keptTrade);

        // paid with WeChat Pay through the sandbox
        String byWeChat = expect(alice.book(admin.openSchedule(5, 4_000)), 201).text("appointmentId");
        String weChatTrade = expect(alice.api().post("/api/appointments/" + byWeChat + "/pay-with-wechat",
                "{\"patientId\":\"" + alice.patientId() + "\"}"), 200).text("outTradeNo");
        expect(simulate("pay", "outTradeNo", weChatTrade), 200);

        // a bill paid from the balance, one line refunded in part
        String billId = expect(finance.post("/api/admin/bills", "{\"patientId\":\"" + alice.patientId()
                + "\",\"items\":" + BILL_ITEMS + "}"), 201).text("billId");
        expect(alice.api().post("/api/me/bills/" + billId + "/pay-with-balance",
                "{\"patientId\":\"" + alice.patientId() + "\"}"), 200);
        expect(finance.post("/api/admin/bills/" + billId + "/items/2/refunds",
                "{\"amountFen\":1000,\"reason\":\"检查取消\"}"), 200);

        // another patient's WeChat top-ups, and a withdrawal refunded through WeChat
        Api.Patient bob = new Api(port).patient();
        for (long amount : new long[]{3_000, 2_000}) {
            Api.Response order = expect(bob.api().post("/api/me/top-ups", "{\"patientId\":\"" + bob.patientId()
                    + "\",\"kind\":\"OUTPATIENT\",\"amountFen\":" + amount + "}"), 200);
            expect(simulate("pay", "outTradeNo", order.text("outTradeNo")), 200);
            await().atMost(WAIT).until(() -> events(order.text("topUpId"), TopUpCredited.class) == 1);
        }
        JsonNode refunds = expect(bob.api().post("/api/me/accounts/OUTPATIENT/withdrawals", "{\"patientId\":\""
                + bob.patientId() + "\",\"amountFen\":2500}"), 200).body().path("refunds");
        for (JsonNode refund : refunds) {
            String outRefundNo = refund.path("outRefundNo").asText();
            await().atMost(WAIT).until(() -> simulate("refund", "outRefundNo", outRefundNo).status() == 200);
            await().atMost(WAIT).until(() -> "SUCCEEDED".equals(refundStatus(outRefundNo)));
        }
        await().atMost(WAIT).until(() -> "SUCCEEDED".equals(refundStatus(partRefund)));
        for (String group : List.of(BillingProjection.GROUP, AccountProjection.GROUP, TopUpProjection.GROUP,
                BillProjection.GROUP, InvoiceProjection.GROUP)) {
            Processors.awaitAtHead(processing, eventStore, group);
        }
        return refunded;
    }

    Api.Response start(Api caller, String models) {
        return caller.post("/api/admin/audit/rebuilds", "{\"models\":" + models + ",\"mode\":\"VERIFY\"}");
    }

    JsonNode finished(Api reader, String rebuildId) {
        await().atMost(WAIT).until(() -> {
            JsonNode progress = expect(reader.get("/api/admin/audit/rebuilds/" + rebuildId), 200).body();
            return !progress.path("state").asText().equals("RUNNING");
        });
        return expect(reader.get("/api/admin/audit/rebuilds/" + rebuildId), 200).body();
    }

    long shadowSchemas() {
        String shadow = TestEnvironment.MARIADB ? jdbc.queryForObject("SELECT DATABASE()", String.class) + "_shadow"
                : "shadow";
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.schemata WHERE LOWER(schema_name) = ?",
                Long.class, shadow.toLowerCase());
    }

    // --- the tests --------------------------------------------------------------------------------

    @Test
    void everyBillingReadModel_rebuiltFromTheEvents_equalsTheLiveOne_andACorruptedRowIsNamed() {
        admin = new Api(port).admin();
        finance = admin.newStaff("FINANCE", null);
        auditor = admin.newStaff("AUDITOR", null);
        String corrupted = history().get(0);

        Api.Response started = start(auditor, "[\"all\"]");
        expect(started, 202);
        String rebuildId = started.text("rebuildId");
        assertThat(started.headers().firstValue("Location")).hasValue("/api/admin/audit/rebuilds/" + rebuildId);
        assertThat(started.body().path("models")).extracting(JsonNode::asText).containsExactly(
                BillingProjection.GROUP, AccountProjection.GROUP, TopUpProjection.GROUP, BillProjection.GROUP,
                InvoiceProjection.GROUP, FinanceProjection.GROUP);
        // one at a time in the cluster
        Api.Response second = start(admin, "[\"billing-view\"]");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("REBUILD_IN_PROGRESS");
        assertThat(second.body().path("detail").asText()).contains(rebuildId);

        JsonNode verified = finished(finance, rebuildId);
        assertThat(verified.path("failure").isNull()).as(verified.toString()).isTrue();
        assertThat(verified.path("state").asText()).as(verified.toString()).isEqualTo("VERIFIED");
        assertThat(verified.path("eventsTotal").asLong()).isPositive();
        assertThat(verified.path("eventsDone").asLong()).isEqualTo(verified.path("eventsTotal").asLong());
        JsonNode result = verified.path("result");
        assertThat(result.path("differenceCount").asLong()).isZero();
        assertThat(result.path("differences")).isEmpty();
        assertThat(result.path("liveReachedReplayPosition").asBoolean()).isTrue();
        List<String> tables = new ArrayList<>();
        result.path("tables").forEach(t -> {
            tables.add(t.path("table").asText());
            assertThat(t.path("shadowRows").asLong()).as(t.toString()).isEqualTo(t.path("liveRows").asLong());
        });
        assertThat(tables).containsExactly("payment_record", "refund_record", "account_movement", "account_view",
                "topup_record", "bill_view", "bill_item_view", "bill_refund_request_view", "invoice_view",
                "credit_note_view", "finance_appointment", "finance_bill_line", "finance_consumption",
                "finance_line_refund", "finance_daily_summary");
        result.path("tables").forEach(t -> {
            // credit notes and patients' bill refund requests come from flows this history does not make
            if (!List.of("credit_note_view", "bill_refund_request_view").contains(t.path("table").asText())) {
                assertThat(t.path("liveRows").asLong()).as(t.toString()).isPositive();
            }
        });
        assertThat(shadowSchemas()).isZero();

        // one live row made wrong: the verify names that row and that column, nothing else
        jdbc.update("UPDATE payment_record SET refunded_fen = refunded_fen + 1 WHERE out_trade_no = ?", corrupted);
        try {
            String again = expect(start(auditor, "[\"billing-view\"]"), 202).text("rebuildId");
            JsonNode different = finished(auditor, again);
            assertThat(different.path("state").asText()).as(different.toString()).isEqualTo("DIFFERENT");
            JsonNode found = different.path("result");
            assertThat(found.path("differenceCount").asLong()).isEqualTo(1);
            assertThat(found.path("differences")).hasSize(1);
            JsonNode difference = found.path("differences").get(0);
            assertThat(difference.path("table").asText()).isEqualTo("payment_record");
            assertThat(difference.path("kind").asText()).isEqualTo("DIFFERS");
            assertThat(difference.path("key").path("out_trade_no").asText()).isEqualTo(corrupted);
            assertThat(difference.path("columns")).extracting(JsonNode::asText).containsExactly("refunded_fen");
            assertThat(found.path("passes").asInt()).isGreaterThan(1);
            assertThat(shadowSchemas()).isZero();
        } finally {
            jdbc.update("UPDATE payment_record SET refunded_fen = refunded_fen - 1 WHERE out_trade_no = ?", corrupted);
        }
    }

    @Test
    void onlyAuditorsAndTheSuperAdminRebuild_financeFollows_unknownModelsAndRunsAreRefused() {
        Api admin = new Api(port).admin();
        Api.Patient patient = new Api(port).patient();
        for (String role : List.of("FINANCE", "SCHEDULER")) {
            assertThat(start(admin.newStaff(role, null), "[\"billing-view\"]").status()).as(role).isEqualTo(403);
        }
        Api doctor = admin.newStaff("DOCTOR", admin.doctor(admin.department(), 1_000));
        assertThat(start(doctor, "[\"billing-view\"]").status()).isEqualTo(403);
        assertThat(start(patient.api(), "[\"billing-view\"]").status()).isEqualTo(403);
        assertThat(start(new Api(port), "[\"billing-view\"]").status()).isEqualTo(401);
        assertThat(doctor.get("/api/admin/audit/rebuilds/RBunknown").status()).isEqualTo(403);
        assertThat(admin.newStaff("SCHEDULER", null).get("/api/admin/audit/rebuilds/RBunknown").status()).isEqualTo(403);
        assertThat(patient.api().get("/api/admin/audit/rebuilds/RBunknown").status()).isEqualTo(403);

        Api auditor = admin.newStaff("AUDITOR", null);
        Api.Response unknown = start(auditor, "[\"no-such-view\"]");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_READ_MODEL");
        assertThat(start(auditor, "[]").code()).isEqualTo("UNKNOWN_READ_MODEL");
        Api.Response noSuchRun = admin.newStaff("FINANCE", null).get("/api/admin/audit/rebuilds/RBunknown");
        assertThat(noSuchRun.status()).isEqualTo(404);
        assertThat(noSuchRun.code()).isEqualTo("REBUILD_NOT_FOUND");
    }
}
