package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A cashier's counter top-up shows in the top-up records (门诊充值 / 住院充值), not only as an account movement. */
class CounterTopUpRecordsIT extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    static JsonNode counterRow(JsonNode items, String receiptNo) {
        for (JsonNode item : items) {
            if (receiptNo.equals(item.path("receiptNo").asText(null))) {
                return item;
            }
        }
        return null;
    }

    @Test
    void aCounterTopUp_isATopUpRecord_forStaffAndThePatient_andIsNeverWithdrawnToWeChat() {
        Api admin = new Api(port).admin();
        Api finance = admin.newStaff("FINANCE", null);
        String staffId = Api.expect(finance.get("/api/staff/me"), 200).text("staffId");
        Api.Patient patient = new Api(port).patient();
        String receiptNo = Api.unique("rcpt");
        String body = "{\"amountFen\":3000,\"receiptNo\":\"" + receiptNo + "\"}";
        String path = "/api/admin/accounts/" + patient.patientId() + "/INPATIENT/counter-top-ups";
        Api.expect(finance.post(path, body), 200);
        Api.expect(finance.post(path, body), 200); // the same receipt credits once, and is one record

        String staffList = "/api/admin/top-ups?patientId=" + patient.patientId();
        await().atMost(WAIT).until(() -> counterRow(finance.get(staffList).body().path("items"), receiptNo) != null);
        JsonNode page = Api.expect(finance.get(staffList), 200).body();
        assertThat(page.path("total").asLong()).isEqualTo(1);
        JsonNode row = counterRow(page.path("items"), receiptNo);
        assertThat(row.path("channel").asText()).isEqualTo("COUNTER");
        assertThat(row.path("kind").asText()).isEqualTo("INPATIENT");
        assertThat(row.path("status").asText()).isEqualTo("CREDITED");
        assertThat(row.path("amountFen").asLong()).isEqualTo(3000);
        assertThat(row.path("refundedFen").asLong()).isZero();
        assertThat(row.path("operator").asText()).contains(staffId);
        assertThat(row.path("outTradeNo").isNull()).isTrue();
        assertThat(row.path("creditedAt").isNull()).isFalse();
        assertThat(Api.expect(finance.get("/api/admin/top-ups?kind=INPATIENT&patientId=" + patient.patientId()), 200)
                .body().path("total").asLong()).isEqualTo(1);
        assertThat(Api.expect(finance.get("/api/admin/top-ups?kind=OUTPATIENT&patientId=" + patient.patientId()), 200)
                .body().path("total").asLong()).isZero();
        Api auditor = admin.newStaff("AUDITOR", null);
        assertThat(counterRow(Api.expect(auditor.get(staffList), 200).body().path("items"), receiptNo)).isNotNull();

        // the patient's own list shows it too, without the operator
        JsonNode mine = Api.expect(patient.api().get("/api/me/top-ups?patientId=" + patient.patientId()), 200).items();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("channel").asText()).isEqualTo("COUNTER");
        assertThat(mine.get(0).path("receiptNo").asText()).isEqualTo(receiptNo);
        assertThat(mine.get(0).path("operator").isNull() || mine.get(0).path("operator").isMissingNode()).isTrue();

        // cash paid at the counter is withdrawn at the counter: the new record is no WeChat top-up to refund
        Api.Response refused = patient.api().post("/api/me/accounts/INPATIENT/withdrawals", "{\"patientId\":\""
                + patient.patientId() + "\",\"amountFen\":1000}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("WITHDRAWAL_EXCEEDS_REFUNDABLE");
        assertThat(counterRow(Api.expect(finance.get(staffList), 200).body().path("items"), receiptNo)
                .path("refundedFen").asLong()).isZero();

        // access: finance, auditors, super admin only; another account's patient is 404
        assertThat(admin.newStaff("SCHEDULER", null).get(staffList).status()).isEqualTo(403);
        assertThat(patient.api().get(staffList).status()).isEqualTo(403);
        assertThat(new Api(port).patient().api().get("/api/me/top-ups?patientId=" + patient.patientId()).status())
                .isEqualTo(404);
    }
}
