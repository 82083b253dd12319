package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yihuiliao.api.account.AccountDebited;
import com.yihuiliao.api.inpatient.AdmissionFeePosted;
import com.yihuiliao.api.inpatient.AdmissionSettled;
import com.yihuiliao.api.inpatient.PatientAdmitted;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundSucceeded;
import com.yihuiliao.api.topup.TopUpCredited;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inpatient care (住院) through the HTTP API: admissions pushed by the HIS (signed) or entered by the admissions
 * office, fee lines posted once each, the fee list with its totals, the low-deposit warning in the patient's inbox,
 * and the settlement (出院结算) — once, even when asked for by several requests at the same moment — refunding the
 * remainder to the WeChat top-ups or billing a shortfall (on H2 by default, on MariaDB with -Dyihuiliao.test.db=mariadb).
 */
class InpatientIT extends IntegrationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration WAIT = Duration.ofSeconds(30);
    static final LocalDate TODAY = LocalDate.now(com.yihuiliao.api.Clocks.HOSPITAL_ZONE);
    static final Instant ADMITTED_AT = Instant.now().minusSeconds(3 * 86_400).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api finance;
    IntegrationSigner his;

    @BeforeEach
    void people() {
        finance = new Api(port).admin().newStaff("FINANCE", null);
        his = new IntegrationSigner(port, "his-test");
    }

    // --- helpers ----------------------------------------------------------------------------------

    static String admission(String externalNo, String patientId) {
        return "{\"externalNo\":\"" + externalNo + "\",\"patientId\":\"" + patientId + "\",\"ward\":\"心内科一病区\","
                + "\"bed\":\"12床\",\"admittedAt\":\"" + ADMITTED_AT + "\","
                + "\"attendingDoctor\":\"李明\"}";
    }

    static String line(String lineNo, LocalDate date, String category, String name, int quantity, long unitPriceFen) {
        return "{\"lineNo\":\"" + lineNo + "\",\"feeDate\":\"" + date + "\",\"category\":\"" + category + "\","
                + "\"itemName\":\"" + name + "\",\"quantity\":" + quantity + ",\"unitPriceFen\":" + unitPriceFen + "}";
    }

    static String fees(String... lines) {
        return "{\"lines\":[" + String.join(",", lines) + "]}";
    }

    /** A patient whose patient-view row the query side has seen, so their own reads answer. */
    Api.Patient patient() {
        Api.Patient patient = new Api(port).patient();
        await().atMost(WAIT).until(() -> patient.api().get("/api/me/admissions?patientId=" + patient.patientId())
                .status() == 200);
        return patient;
    }

    /** An inpatient deposit paid with WeChat Pay (住院押金) and credited. */
    void paidDeposit(Api.Patient patient, long amountFen) {
        Api.Response order = Api.expect(patient.api().post("/api/me/top-ups", "{\"patientId\":\"" + patient.patientId()
                + "\",\"kind\":\"INPATIENT\",\"amountFen\":" + amountFen + "}"), 200);
        Api.expect(new Api(port).post("/sandbox/wechatpay/simulate/pay",
                "{\"outTradeNo\":\"" + order.text("outTradeNo") + "\"}"), 200);
        await().atMost(WAIT).until(() -> events(order.text("topUpId"), TopUpCredited.class) == 1);
    }

    long events(String aggregateId, Class<?> type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND payload_type = ?", Long.class, aggregateId, type.getName());
    }

    long allEvents(Class<?> type) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?", Long.class,
                type.getName());
    }

    List<JsonNode> payloads(String aggregateId, Class<?> type) {
        return jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? "
                        + "AND payload_type = ? ORDER BY sequence_number", byte[].class, aggregateId, type.getName())
                .stream().map(InpatientIT::json).toList();
    }

    static JsonNode json(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long inpatientBalance(Api.Patient patient) {
        for (JsonNode account : Api.expect(patient.api().get("/api/me/accounts?patientId=" + patient.patientId()),
                200).items()) {
            if ("INPATIENT".equals(account.path("kind").asText())) {
                return account.path("balanceFen").asLong();
            }
        }
        return -1;
    }

    List<JsonNode> inbox(Api.Patient patient, String kind) {
        List<JsonNode> messages = new ArrayList<>();
        Api.expect(patient.api().get("/api/me/messages?patientId=" + patient.patientId()), 200).items()
                .forEach(m -> {
                    if (kind.equals(m.path("kind").asText())) {
                        messages.add(m);
                    }
                });
        return messages;
    }

    // --- tests ------------------------------------------------------------------------------------

    @Test
    void aPushedAdmission_itsFees_theLowDepositWarning_andASettlementRefundingTheRemainder() {
        Api.Patient patient = patient();
        paidDeposit(patient, 100_000);
        String externalNo = Api.unique("ZY");

        Api.Response admitted = Api.expect(his.post("/api/integration/admissions",
                admission(externalNo, patient.patientId())), 201);
        String admissionId = admitted.text("admissionId");
        // the same push again: the same admission, nothing new
        Api.Response again = Api.expect(his.post("/api/integration/admissions",
                admission(externalNo, patient.patientId())), 200);
        assertThat(again.text("admissionId")).isEqualTo(admissionId);
        assertThat(again.body().path("repeated").asBoolean()).isTrue();
        assertThat(events(admissionId, PatientAdmitted.class)).isEqualTo(1);

        String path = "/api/integration/admissions/" + externalNo + "/fees";
        String batch = fees(line("F1", TODAY.minusDays(1), "BED", "床位费", 1, 8_000),
                line("F2", TODAY.minusDays(1), "DRUG", "阿莫西林胶囊", 2, 1_500),
                line("F3", TODAY, "TREATMENT", "静脉输液", 1, 40_000));
        JsonNode posted = Api.expect(his.post(path, batch), 200).body();
        assertThat(posted.path("postedLines").asInt()).isEqualTo(3);
        assertThat(posted.path("totalFeesFen").asLong()).isEqualTo(51_000);
        assertThat(posted.path("depositFen").asLong()).isEqualTo(100_000);
        assertThat(posted.path("remainingFen").asLong()).isEqualTo(49_000);
        // the same lines again post nothing and warn nobody again
        JsonNode repeated = Api.expect(his.post(path, batch), 200).body();
        assertThat(repeated.path("postedLines").asInt()).isZero();
        assertThat(repeated.path("repeatedLines").asInt()).isEqualTo(3);
        assertThat(events(admissionId, AdmissionFeePosted.class)).isEqualTo(3);
        // a line number again with other content is refused, and so is the whole push
        assertThat(his.post(path, fees(line("F4", TODAY, "LAB", "血常规", 1, 2_500),
                line("F1", TODAY.minusDays(1), "BED", "床位费", 2, 8_000))).code()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(events(admissionId, AdmissionFeePosted.class)).isEqualTo(3);

        // the fee list: by day (newest first), each with its categories, the deposit and what remains
        String myFees = "/api/me/admissions/" + admissionId + "/fees";
        // the deposit is another projection's figure: wait for both to have caught up
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            JsonNode fees = Api.expect(patient.api().get(myFees), 200).body();
            return fees.path("totalFeesFen").asLong() == 51_000 && fees.path("depositFen").asLong() == 100_000;
        });
        JsonNode list = Api.expect(patient.api().get(myFees), 200).body();
        assertThat(list.path("days")).hasSize(2);
        assertThat(list.path("days").get(0).path("date").asText()).isEqualTo(TODAY.toString());
        assertThat(list.path("days").get(0).path("totalFen").asLong()).isEqualTo(40_000);
        assertThat(list.path("days").get(1).path("totalFen").asLong()).isEqualTo(11_000);
        assertThat(list.path("days").get(1).path("categories")).hasSize(2);
        assertThat(list.path("days").get(1).path("lines").get(0).path("postedBy").isNull()).isTrue();
        assertThat(list.path("categories").toString()).contains("{\"category\":\"DRUG\",\"totalFen\":3000}");
        assertThat(list.path("depositFen").asLong()).isEqualTo(100_000);
        assertThat(list.path("remainingFen").asLong()).isEqualTo(49_000);
        JsonNode drugs = Api.expect(patient.api().get(myFees + "?category=DRUG"), 200).body();
        assertThat(drugs.path("filteredFen").asLong()).isEqualTo(3_000);
        assertThat(drugs.path("totalFeesFen").asLong()).isEqualTo(51_000);
        JsonNode staffFees = Api.expect(finance.get("/api/admin/admissions/" + admissionId + "/fees?date="
                + TODAY.minusDays(1)), 200).body();
        assertThat(staffFees.path("filteredFen").asLong()).isEqualTo(11_000);
        assertThat(staffFees.path("days").get(0).path("lines").get(0).path("postedBy").asText())
                .isEqualTo("integration:his-test");

        // 49,000 left < the 50,000 threshold: warned once, in the patient's inbox
        await().atMost(WAIT).until(() -> inbox(patient, "LOW_INPATIENT_DEPOSIT").size() == 1);
        assertThat(inbox(patient, "LOW_INPATIENT_DEPOSIT").get(0).path("data").path("amount2").asText())
                .isEqualTo("490.00元");

        // 住院人管理: the account's patients with admissions
        JsonNode inpatients = Api.expect(patient.api().get("/api/me/inpatients"), 200).items();
        assertThat(inpatients).hasSize(1);
        assertThat(inpatients.get(0).path("latest").path("admissionId").asText()).isEqualTo(admissionId);
        // named as the account's own patient records name them, the ID number masked as there
        JsonNode own = Api.expect(patient.api().get("/api/me/patients"), 200).items().get(0);
        assertThat(own.path("patientId").asText()).isEqualTo(patient.patientId());
        assertThat(inpatients.get(0).path("realName").asText()).isNotBlank().isEqualTo(own.path("realName").asText());
        assertThat(inpatients.get(0).path("idNumberMasked").asText()).contains("*")
                .isEqualTo(own.path("idNumberMasked").asText());
        assertThat(inpatients.get(0).path("admissions").asInt()).isEqualTo(1);

        // settled: 51,000 charged against the deposit, 49,000 back to the WeChat top-up; once
        Api.Response settled = Api.expect(his.post("/api/integration/admissions/" + externalNo + "/settlement", ""), 200);
        assertThat(settled.body().path("chargedFen").asLong()).isEqualTo(51_000);
        assertThat(settled.body().path("refundFen").asLong()).isEqualTo(49_000);
        assertThat(settled.body().path("shortfallFen").asLong()).isZero();
        assertThat(settled.body().path("repeated").asBoolean()).isFalse();
        String outRefundNo = settled.body().path("refunds").get(0).path("outRefundNo").asText();
        Api.Response settledAgain = Api.expect(finance.post("/api/admin/admissions/" + admissionId + "/settlement",
                ""), 200);
        assertThat(settledAgain.body().path("repeated").asBoolean()).isTrue();
        assertThat(settledAgain.body().path("refunds").get(0).path("outRefundNo").asText()).isEqualTo(outRefundNo);
        assertThat(events(admissionId, AdmissionSettled.class)).isEqualTo(1);
        assertThat(events(outRefundNo, RefundRequested.class)).isEqualTo(1);

        await().atMost(WAIT).until(() -> new Api(port).post("/sandbox/wechatpay/simulate/refund",
                "{\"outRefundNo\":\"" + outRefundNo + "\"}").status() == 200);
        await().atMost(WAIT).until(() -> events(outRefundNo, RefundSucceeded.class) == 1);
        await().atMost(WAIT).until(() -> inpatientBalance(patient) == 0);

        await().atMost(WAIT).until(() -> "DISCHARGED".equals(Api.expect(patient.api().get("/api/me/admissions/"
                + admissionId), 200).body().path("admission").path("status").asText()));
        JsonNode mine = Api.expect(patient.api().get("/api/me/admissions/" + admissionId), 200).body();
        assertThat(mine.path("settlement").path("refundFen").asLong()).isEqualTo(49_000);
        assertThat(mine.path("settlement").path("depositFen").asLong()).isEqualTo(100_000);
        assertThat(mine.path("provenance").isNull()).isTrue();
        JsonNode staff = Api.expect(finance.get("/api/admin/admissions/" + admissionId), 200).body();
        assertThat(staff.path("provenance").path("recordedBy").asText()).isEqualTo("integration:his-test");
        assertThat(staff.path("provenance").path("settledBy").asText()).isEqualTo("integration:his-test");
        assertThat(Api.expect(finance.get("/api/admin/admissions?patientId=" + patient.patientId()
                + "&status=DISCHARGED"), 200).items()).hasSize(1);

        // settled: no more fees
        assertThat(his.post(path, fees(line("F9", TODAY, "DRUG", "补记", 1, 100))).code()).isEqualTo("ADMISSION_SETTLED");
    }

    @Test
    void anEnteredAdmission_whoseFeesExceedTheDeposit_billsTheShortfall() {
        Api.Patient patient = patient();
        // cash at the counter: no WeChat top-up to refund, and here none is left either
        Api.expect(finance.post("/api/admin/accounts/" + patient.patientId() + "/INPATIENT/counter-top-ups",
                "{\"amountFen\":20000,\"receiptNo\":\"" + Api.unique("rcpt") + "\"}"), 200);
        String admissionId = Api.expect(finance.post("/api/admin/admissions",
                admission(Api.unique("ZY"), patient.patientId())), 201).text("admissionId");
        Api.expect(finance.post("/api/admin/admissions/" + admissionId + "/fees",
                fees(line("S1", TODAY, "SURGERY", "阑尾切除术", 1, 30_000))), 200);
        Api.expect(finance.post("/api/admin/admissions/" + admissionId + "/discharge", ""), 204);

        JsonNode settled = Api.expect(finance.post("/api/admin/admissions/" + admissionId + "/settlement", ""), 200).body();
        assertThat(settled.path("chargedFen").asLong()).isEqualTo(20_000);
        assertThat(settled.path("refundFen").asLong()).isZero();
        assertThat(settled.path("shortfallFen").asLong()).isEqualTo(10_000);
        String billId = settled.path("billId").asText();
        assertThat(billId).startsWith("BI");

        String accountId = patient.patientId() + ":INPATIENT";
        List<JsonNode> debits = payloads(accountId, AccountDebited.class);
        assertThat(debits).hasSize(1);
        assertThat(debits.get(0).path("cause").path("type").asText()).isEqualTo("INPATIENT_SETTLEMENT");
        assertThat(debits.get(0).path("balanceAfterFen").asLong()).isZero();
        // the shortfall is the patient's bill to pay
        await().atMost(WAIT).ignoreExceptions().until(() ->
                patient.api().get("/api/me/bills/" + billId).status() == 200);
        JsonNode bill = Api.expect(patient.api().get("/api/me/bills/" + billId), 200).body();
        assertThat(bill.toString()).contains("10000");
        assertThat(Api.expect(finance.post("/api/admin/admissions/" + admissionId + "/settlement", ""), 200).body()
                .path("billId").asText()).isEqualTo(billId);
    }

    @Test
    void aForgedUnsignedOrForeignPush_isRefusedAndWritesNothing() {
        Api.Patient patient = patient();
        long before = allEvents(PatientAdmitted.class);
        String body = admission(Api.unique("ZY"), patient.patientId());

        assertThat(his.unsigned("POST", "/api/integration/admissions", body).status()).isEqualTo(401);
        Api.Response forged = new IntegrationSigner(port, "his-test", "a-guessed-secret-that-is-32-bytes-long")
                .post("/api/integration/admissions", body);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("INTEGRATION_SIGNATURE_INVALID");
        // the LIS pushes reports, not admissions
        assertThat(new IntegrationSigner(port, "lis-test").post("/api/integration/admissions", body).status())
                .isEqualTo(403);
        // a staff token is no integration client
        assertThat(finance.post("/api/integration/admissions", body).status()).isIn(401, 403);
        // an unknown patient is refused clearly
        assertThat(his.post("/api/integration/admissions", admission(Api.unique("ZY"), "no-such-patient")).code())
                .isEqualTo("PATIENT_NOT_FOUND");
        assertThat(his.post("/api/integration/admissions/" + Api.unique("ZY") + "/fees",
                fees(line("F1", TODAY, "BED", "床位费", 1, 100))).code()).isEqualTo("ADMISSION_NOT_FOUND");
        assertThat(allEvents(PatientAdmitted.class)).isEqualTo(before);
    }

    @Test
    void anotherAccountGets404_andTheWrongRole403() {
        Api.Patient patient = patient();
        String admissionId = Api.expect(his.post("/api/integration/admissions",
                admission(Api.unique("ZY"), patient.patientId())), 201).text("admissionId");
        await().atMost(WAIT).until(() -> patient.api().get("/api/me/admissions/" + admissionId).status() == 200);
        Api other = patient().api();

        assertThat(other.get("/api/me/admissions/" + admissionId).code()).isEqualTo("ADMISSION_NOT_FOUND");
        assertThat(other.get("/api/me/admissions/" + admissionId + "/fees").code()).isEqualTo("ADMISSION_NOT_FOUND");
        assertThat(other.get("/api/me/admissions?patientId=" + patient.patientId()).status()).isEqualTo(404);
        assertThat(Api.expect(other.get("/api/me/inpatients"), 200).items()).isEmpty();

        Api admin = new Api(port).admin();
        Api doctor = admin.newStaff("DOCTOR", admin.doctor(admin.department(), 1_000));
        Api scheduler = admin.newStaff("SCHEDULER", null);
        Api auditor = admin.newStaff("AUDITOR", null);
        assertThat(doctor.post("/api/admin/admissions/" + admissionId + "/settlement", "").status()).isEqualTo(403);
        assertThat(scheduler.post("/api/admin/admissions", admission(Api.unique("ZY"), patient.patientId())).status())
                .isEqualTo(403);
        assertThat(scheduler.get("/api/admin/admissions").status()).isEqualTo(403);
        assertThat(patient.api().get("/api/admin/admissions/" + admissionId).status()).isEqualTo(403);
        assertThat(auditor.post("/api/admin/admissions/" + admissionId + "/fees",
                fees(line("F1", TODAY, "BED", "床位费", 1, 100))).status()).isEqualTo(403);
        assertThat(Api.expect(auditor.get("/api/admin/admissions/" + admissionId), 200).body()
                .path("admission").path("admissionId").asText()).isEqualTo(admissionId);
        assertThat(finance.get("/api/admin/admissions/AD-unknown").code()).isEqualTo("ADMISSION_NOT_FOUND");
        assertThat(finance.post("/api/admin/admissions/AD-unknown/settlement", "").code()).isEqualTo("ADMISSION_NOT_FOUND");
    }

    @Test
    void concurrentSettlementRequests_settleOnce_andRefundExactlyWhatRemains() throws Exception {
        Api.Patient patient = patient();
        paidDeposit(patient, 60_000);
        paidDeposit(patient, 40_000);
        String externalNo = Api.unique("ZY");
        String admissionId = Api.expect(his.post("/api/integration/admissions",
                admission(externalNo, patient.patientId())), 201).text("admissionId");
        Api.expect(finance.post("/api/admin/admissions/" + admissionId + "/fees",
                fees(line("B1", TODAY, "BED", "床位费", 3, 7_000), line("D1", TODAY, "DRUG", "头孢", 3, 3_001))), 200);
        long fees = 3 * 7_000 + 3 * 3_001;

        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Api.Response> answers = new ArrayList<>();
        try {
            List<Callable<Api.Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Api caller = i % 2 == 0 ? finance : null;
                attempts.add(() -> caller != null
                        ? caller.post("/api/admin/admissions/" + admissionId + "/settlement", "")
                        : his.post("/api/integration/admissions/" + externalNo + "/settlement", ""));
            }
            for (Future<Api.Response> answer : threads.invokeAll(attempts)) {
                answers.add(answer.get());
            }
        } finally {
            threads.shutdown();
        }
        // staff by our id, the HIS by its own number: all answer the one settlement
        List<Api.Response> staffAnswers = answers;
        assertThat(staffAnswers).hasSize(8).allSatisfy(a -> assertThat(a.status()).isEqualTo(200));
        assertThat(staffAnswers.stream().filter(a -> !a.body().path("repeated").asBoolean())).hasSize(1);
        assertThat(staffAnswers).allSatisfy(a -> assertThat(a.body().path("refundFen").asLong())
                .isEqualTo(100_000 - fees));

        assertThat(events(admissionId, AdmissionSettled.class)).isEqualTo(1);
        List<JsonNode> debits = payloads(patient.patientId() + ":INPATIENT", AccountDebited.class);
        assertThat(debits).hasSize(2);
        assertThat(debits.get(0).path("amountFen").asLong()).isEqualTo(fees);
        assertThat(debits.get(1).path("amountFen").asLong()).isEqualTo(100_000 - fees);
        assertThat(debits.get(1).path("balanceAfterFen").asLong()).isZero();
        long refunded = 0;
        for (JsonNode refund : staffAnswers.get(0).body().path("refunds")) {
            refunded += payloads(refund.path("outRefundNo").asText(), RefundRequested.class).get(0)
                    .path("amountFen").asLong();
        }
        assertThat(refunded).isEqualTo(100_000 - fees);
        await().atMost(WAIT).until(() -> allRefundsOf(patient) == 100_000 - fees);
    }

    @Test
    void theDeposit_isNotWithdrawnWhileAnAdmissionIsOpen_butAfterItsSettlementAsBefore() {
        Api.Patient patient = patient();
        paidDeposit(patient, 30_000);
        String admissionId = Api.expect(finance.post("/api/admin/admissions",
                admission(Api.unique("ZY"), patient.patientId())), 201).text("admissionId");
        Api.expect(finance.post("/api/admin/admissions/" + admissionId + "/fees",
                fees(line("W1", TODAY, "BED", "床位费", 1, 10_000))), 200);
        String accountId = patient.patientId() + ":INPATIENT";
        long refundsBefore = allEvents(RefundRequested.class);

        Api.Response refused = withdraw(patient, 5_000);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("DEPOSIT_LOCKED_BY_ADMISSION");
        assertThat(events(accountId, AccountDebited.class)).isZero();
        assertThat(allEvents(RefundRequested.class)).isEqualTo(refundsBefore);

        // the settlement's own refund of what remains still goes through the withdrawal path
        JsonNode settled = Api.expect(finance.post("/api/admin/admissions/" + admissionId + "/settlement", ""), 200)
                .body();
        assertThat(settled.path("refundFen").asLong()).isEqualTo(20_000);
        String outRefundNo = settled.path("refunds").get(0).path("outRefundNo").asText();
        JsonNode requested = payloads(outRefundNo, RefundRequested.class).get(0);
        assertThat(requested.path("amountFen").asLong()).isEqualTo(20_000);
        assertThat(requested.path("reason").asText()).isEqualTo("DISCHARGE_SETTLEMENT");
        // its own reason in the finance refund report too
        await().atMost(WAIT).until(() -> Api.expect(finance.get("/api/admin/finance/refunds?patient="
                + patient.patientId()), 200).items().size() == 1);
        JsonNode record = Api.expect(finance.get("/api/admin/finance/refunds?patient=" + patient.patientId()), 200)
                .items().get(0);
        assertThat(record.path("reasonCode").asText()).isEqualTo("DISCHARGE_SETTLEMENT");
        assertThat(record.path("reason").asText()).isEqualTo("discharge settlement: the deposit left"); // the client reads English

        // settled: a new deposit is withdrawn as before
        paidDeposit(patient, 8_000);
        JsonNode withdrawn = Api.expect(withdraw(patient, 8_000), 200).body();
        assertThat(withdrawn.path("amountFen").asLong()).isEqualTo(8_000);
        assertThat(withdrawn.path("balanceFen").asLong()).isZero();
    }

    Api.Response withdraw(Api.Patient patient, long amountFen) {
        return patient.api().post("/api/me/accounts/INPATIENT/withdrawals", "{\"patientId\":\"" + patient.patientId()
                + "\",\"amountFen\":" + amountFen + "}");
    }

    /** Every refund requested of the patient's top-up payments, whoever asked. */
    long allRefundsOf(Api.Patient patient) {
        long total = 0;
        for (JsonNode refund : Api.expect(finance.get("/api/admin/refunds?patientId=" + patient.patientId()
                + "&size=200"), 200).items()) {
            total += refund.path("amountFen").asLong();
        }
        return total;
    }
}
