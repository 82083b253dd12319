package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import com.yihuiliao.projection.billing.BillingProjection;
import com.yihuiliao.projection.billing.BillingSequencing;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The billing records finance and auditors read, and patients read of their own: payments, refunds, movements. */
class BillingRecordsIT extends IntegrationTest {

    static final long FEE = 3_000;

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    Api admin;
    Api finance;
    Api auditor;

    @BeforeEach
    void staff() {
        admin = new Api(port).admin();
        finance = admin.newStaff("FINANCE", null);
        auditor = admin.newStaff("AUDITOR", null);
    }

    // --- helpers ----------------------------------------------------------------------------------

    /** A patient with a counter top-up who booked an appointment of the given fee and paid it from the balance. */
    String paidFromBalance(Api.Patient patient, long feeFen) {
        String appointmentId = expect(patient.book(admin.openSchedule(5, feeFen)), 201).text("appointmentId");
        return expect(patient.api().post("/api/appointments/" + appointmentId + "/pay-with-balance",
                "{\"patientId\":\"" + patient.patientId() + "\"}"), 200).text("outTradeNo");
    }

    void topUp(Api.Patient patient, long amountFen) {
        expect(finance.post("/api/admin/accounts/" + patient.patientId() + "/OUTPATIENT/counter-top-ups",
                "{\"amountFen\":" + amountFen + ",\"receiptNo\":\"" + Api.unique("rcpt") + "\"}"), 200);
    }

    Api.Response refund(Api staff, String outTradeNo, long amountFen, String outRefundNo) {
        return staff.post("/api/admin/payments/" + outTradeNo + "/refunds", "{\"amountFen\":" + amountFen
                + ",\"reason\":\"多收费用\",\"outRefundNo\":\"" + outRefundNo + "\"}");
    }

    /** Reads until the answer is 200 and matches: the records are projections. */
    static JsonNode awaitRead(Api reader, String path, Predicate<JsonNode> until) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Api.Response response = reader.get(path);
            return response.status() == 200 && until.test(response.body());
        });
        return expect(reader.get(path), 200).body();
    }

    static long balance(Api.Patient patient) {
        return patient.api().outpatientBalanceFen(patient.patientId());
    }

    // --- the records of a payment and its partial refund ---------------------------------------------

    @Test
    void aPartialRefundShowsInThePaymentTheRefundAndTheMovements() {
        Api.Patient patient = new Api(port).patient();
        topUp(patient, 5_000);
        String outTradeNo = paidFromBalance(patient, FEE);
        String outRefundNo = "RF" + outTradeNo.substring(2);
        expect(refund(finance, outTradeNo, 1_000, outRefundNo), 200);

        JsonNode detail = awaitRead(auditor, "/api/admin/payments/" + outTradeNo,
                d -> d.path("payment").path("status").asText().equals("PARTLY_REFUNDED")
                        && d.path("refunds").path(0).path("status").asText().equals("SUCCEEDED"));
        JsonNode payment = detail.path("payment");
        assertThat(payment.path("refundedFen").asLong()).isEqualTo(1_000);
        assertThat(payment.path("amountFen").asLong()).isEqualTo(FEE);
        assertThat(payment.path("purpose").asText()).isEqualTo("REGISTRATION");
        assertThat(payment.path("channel").asText()).isEqualTo("BALANCE");
        assertThat(payment.path("patientId").asText()).isEqualTo(patient.patientId());
        assertThat(payment.path("paidAt").isNull()).isFalse();
        assertThat(payment.path("businessDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(detail.path("refunds")).hasSize(1);
        JsonNode refund = detail.path("refunds").get(0);
        assertThat(refund.path("outRefundNo").asText()).isEqualTo(outRefundNo);
        assertThat(refund.path("amountFen").asLong()).isEqualTo(1_000);
        assertThat(refund.path("patientId").asText()).isEqualTo(patient.patientId());
        assertThat(refund.path("purpose").asText()).isEqualTo("REGISTRATION");
        assertThat(refund.path("channel").asText()).isEqualTo("BALANCE");
        assertThat(refund.path("reason").asText()).isEqualTo("多收费用");
        assertThat(refund.path("operator").asText()).isNotBlank();

        // three movements: the top-up, the payment, the refund; the running balance is each one's balance after
        JsonNode movements = awaitRead(finance, "/api/admin/accounts/" + patient.patientId() + "/movements",
                m -> m.path("total").asLong() == 3);
        List<JsonNode> oldestFirst = new ArrayList<>();
        movements.path("items").forEach(m -> oldestFirst.add(0, m));
        assertThat(oldestFirst).extracting(m -> m.path("direction").asText() + " " + m.path("causeType").asText() + " "
                + m.path("amountFen").asLong()).containsExactly("CREDIT COUNTER_TOPUP 5000", "DEBIT PAYMENT 3000",
                "CREDIT REFUND 1000");
        assertThat(oldestFirst.get(1).path("causeReference").asText()).isEqualTo(outTradeNo);
        assertThat(oldestFirst.get(2).path("causeReference").asText()).isEqualTo(outRefundNo);
        long running = 0;
        for (JsonNode movement : oldestFirst) {
            running += movement.path("direction").asText().equals("CREDIT") ? movement.path("amountFen").asLong()
                    : -movement.path("amountFen").asLong();
            assertThat(movement.path("balanceAfterFen").asLong()).isEqualTo(running);
        }
        assertThat(running).isEqualTo(3_000);
        assertThat(movements.path("sums").path("creditSumFen").asLong() - movements.path("sums").path("debitSumFen")
                .asLong()).isEqualTo(running);
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(patient) == 3_000);

        // the patient sees the same, without who made the refund
        JsonNode mine = awaitRead(patient.api(), "/api/me/payments?patientId=" + patient.patientId(),
                p -> p.path("total").asLong() == 1);
        assertThat(mine.path("items").get(0).path("status").asText()).isEqualTo("PARTLY_REFUNDED");
        assertThat(mine.path("items").get(0).path("refundedFen").asLong()).isEqualTo(1_000);
        JsonNode myRefunds = expect(patient.api().get("/api/me/refunds?patientId=" + patient.patientId()), 200).body();
        assertThat(myRefunds.path("items")).hasSize(1);
        assertThat(myRefunds.path("items").get(0).path("operator").isNull()).isTrue();
        JsonNode myMovements = expect(patient.api().get("/api/me/accounts/OUTPATIENT/movements?patientId="
                + patient.patientId()), 200).body();
        assertThat(myMovements.path("total").asLong()).isEqualTo(3);
        assertThat(myMovements.path("items").get(0).path("balanceAfterFen").asLong()).isEqualTo(3_000);
        assertThat(expect(patient.api().get("/api/me/accounts/INPATIENT/movements?patientId="
                + patient.patientId()), 200).body().path("total").asLong()).isZero();
    }

    @Test
    void countsAndSumsCoverTheWholeFilterNotJustThePage() {
        Api.Patient patient = new Api(port).patient();
        topUp(patient, 10_000);
        String first = paidFromBalance(patient, FEE);
        String second = paidFromBalance(patient, 2_000);
        expect(refund(finance, first, 1_000, "RF" + first.substring(2)), 200);
        expect(refund(finance, second, 500, "RF" + second.substring(2)), 200);

        String byPatient = "patientId=" + patient.patientId();
        JsonNode all = awaitRead(finance, "/api/admin/payments?" + byPatient,
                p -> p.path("sums").path("refundedSumFen").asLong() == 1_500);
        LocalDate paidOn = LocalDate.parse(all.path("items").get(0).path("businessDate").asText());
        String day = "&from=" + paidOn + "&to=" + paidOn;

        JsonNode page = expect(finance.get("/api/admin/payments?" + byPatient + day + "&size=1"), 200).body();
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").get(0).path("outTradeNo").asText()).isEqualTo(second); // newest first
        assertThat(page.path("total").asLong()).isEqualTo(2);
        assertThat(page.path("sums").path("amountSumFen").asLong()).isEqualTo(FEE + 2_000);
        assertThat(page.path("sums").path("refundedSumFen").asLong()).isEqualTo(1_500);
        JsonNode secondPage = expect(finance.get("/api/admin/payments?" + byPatient + day + "&size=1&cursor="
                + page.path("nextCursor").asText()), 200).body();
        assertThat(secondPage.path("items").get(0).path("outTradeNo").asText()).isEqualTo(first);
        assertThat(secondPage.path("nextCursor").isNull()).isTrue();
        assertThat(secondPage.path("sums")).isEqualTo(page.path("sums"));
        assertThat(expect(finance.get("/api/admin/payments?" + byPatient + "&from=" + paidOn.plusDays(1)), 200)
                .body().path("total").asLong()).isZero();
        assertThat(expect(finance.get("/api/admin/payments?" + byPatient + "&purpose=TOPUP"), 200)
                .body().path("sums").path("amountSumFen").asLong()).isZero();
        assertThat(expect(finance.get("/api/admin/payments?" + byPatient + "&status=PARTLY_REFUNDED&channel=BALANCE"
                + "&purpose=REGISTRATION" + day), 200).body().path("total").asLong()).isEqualTo(2);

        JsonNode refunds = awaitRead(auditor, "/api/admin/refunds?" + byPatient + day + "&size=1&status=SUCCEEDED",
                r -> r.path("total").asLong() == 2);
        assertThat(refunds.path("items")).hasSize(1);
        assertThat(refunds.path("sums").path("amountSumFen").asLong()).isEqualTo(1_500);
        assertThat(expect(auditor.get("/api/admin/refunds?" + byPatient + "&status=FAILED"), 200)
                .body().path("total").asLong()).isZero();

        JsonNode movements = awaitRead(auditor, "/api/admin/accounts/" + patient.patientId()
                + "/movements?kind=OUTPATIENT&size=2" + day, m -> m.path("total").asLong() == 5);
        assertThat(movements.path("items")).hasSize(2);
        assertThat(movements.path("sums").path("creditSumFen").asLong()).isEqualTo(10_000 + 1_500);
        assertThat(movements.path("sums").path("debitSumFen").asLong()).isEqualTo(FEE + 2_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> balance(patient) == 10_000 - FEE - 2_000 + 1_500);
    }

    @Test
    void aPaymentsAndItsRefundsEventsAreHandledInOneSequence() {
        assertThat(processing.sequencingPolicy(BillingProjection.GROUP)).isInstanceOf(BillingSequencing.class);
    }

    // --- who may read what, and bad input ----------------------------------------------------------

    @Test
    void staffRolesPatientsOwnRecordsOnlyAndBadInput() {
        Api.Patient owner = new Api(port).patient();
        Api.Patient stranger = new Api(port).patient();
        topUp(owner, 5_000);
        String outTradeNo = paidFromBalance(owner, FEE);

        // an auditor reads but does not refund; a patient reads no staff records
        awaitRead(auditor, "/api/admin/payments/" + outTradeNo, d -> d.path("payment").path("status").asText().equals("PAID"));
        assertThat(refund(auditor, outTradeNo, 100, "RF" + outTradeNo.substring(2)).status()).isEqualTo(403);
        for (String path : List.of("/api/admin/payments", "/api/admin/refunds", "/api/admin/payments/" + outTradeNo,
                "/api/admin/accounts/" + owner.patientId() + "/movements")) {
            assertThat(owner.api().get(path).status()).as(path).isEqualTo(403);
            assertThat(expect(admin.get(path), 200).status()).isEqualTo(200);
        }
        assertThat(admin.newStaff("SCHEDULER", null).get("/api/admin/payments").status()).isEqualTo(403);
        assertThat(finance.get("/api/admin/payments/RGNOSUCHORDER").code()).isEqualTo("PAYMENT_NOT_FOUND");

        // a patient sees their own records; another account's patient is unknown
        awaitRead(owner.api(), "/api/me/payments?patientId=" + owner.patientId(), p -> p.path("total").asLong() == 1);
        awaitRead(stranger.api(), "/api/me/payments?patientId=" + stranger.patientId(), p -> p.path("total").asLong() == 0);
        for (String path : List.of("/api/me/payments?patientId=", "/api/me/refunds?patientId=",
                "/api/me/accounts/OUTPATIENT/movements?patientId=")) {
            Api.Response foreign = stranger.api().get(path + owner.patientId());
            assertThat(foreign.status()).as(path).isEqualTo(404);
            assertThat(foreign.code()).isEqualTo("PATIENT_NOT_FOUND");
        }

        // bad input: 400 with a message that says what is wrong
        Api.Response reversed = finance.get("/api/admin/payments?from=2026-11-24&to=2026-11-23");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(reversed.body().path("detail").asText()).contains("'from'").contains("after");
        Api.Response unknownStatus = finance.get("/api/admin/payments?status=PAYED");
        assertThat(unknownStatus.status()).isEqualTo(400);
        assertThat(unknownStatus.body().path("detail").asText()).contains("PARTLY_REFUNDED");
        assertThat(finance.get("/api/admin/refunds?channel=CASH").status()).isEqualTo(400);
        assertThat(finance.get("/api/admin/refunds?from=24-11-2026").status()).isEqualTo(400);
        assertThat(finance.get("/api/admin/accounts/" + owner.patientId() + "/movements?kind=SAVINGS").status())
                .isEqualTo(400);
        for (String paging : List.of("size=201", "size=0", "size=-1", "size=abc")) {
            Api.Response bad = finance.get("/api/admin/payments?" + paging);
            assertThat(bad.status()).as(paging).isEqualTo(400);
            assertThat(bad.code()).as(paging).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(finance.get("/api/admin/payments?page=1").code()).isEqualTo("UNKNOWN_PARAMETER");
        assertThat(expect(finance.get("/api/admin/payments?size=200"), 200).body().path("size").asInt()).isEqualTo(200);
        assertThat(owner.api().get("/api/me/payments?patientId=" + owner.patientId() + "&size=500").status())
                .isEqualTo(400);
        assertThat(owner.api().get("/api/me/accounts/SAVINGS/movements?patientId=" + owner.patientId()).status())
                .isEqualTo(400);
    }
}
