package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.Clocks;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 现场挂号: the cashier books for a patient at the window; every rule of online booking holds. */
class WalkInIT extends IntegrationTest {

    @LocalServerPort
    int port;
    Api anonymous;
    Api admin;
    Api cashier;

    @BeforeEach
    void clients() {
        anonymous = new Api(port);
        admin = anonymous.admin();
        cashier = admin.newStaff("FINANCE", null);
    }

    private Api.Response walkIn(String scheduleId, String patientId, String receiptNo, long amountFen) {
        return cashier.post("/api/admin/walk-ins", "{\"scheduleId\":\"" + scheduleId + "\",\"patientId\":\"" + patientId
                + "\",\"receiptNo\":\"" + receiptNo + "\",\"amountFen\":" + amountFen + "}");
    }

    private static void refused(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
    }

    @Test
    void aWalkInIsBookedConfirmedAndPaidAtTheCounter() {
        String scheduleId = admin.openSchedule(3, 3000);
        Api.Patient patient = anonymous.patient();
        String receipt = Api.unique("rcpt");

        Api.Response registered = expect(walkIn(scheduleId, patient.patientId(), receipt, 3000), 201);
        JsonNode booking = registered.body().path("booking");
        String appointmentId = booking.path("appointmentId").asText();
        String outTradeNo = registered.text("outTradeNo");
        assertThat(booking.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(booking.path("remaining").asInt()).isEqualTo(2);
        assertThat(registered.body().path("amountFen").asLong()).isEqualTo(3000);
        assertThat(outTradeNo).startsWith("RG");

        // the cashier's retry (a double click, a lost answer) registers nothing more
        Api.Response again = expect(walkIn(scheduleId, patient.patientId(), receipt, 3000), 201);
        assertThat(again.body().path("booking").path("appointmentId").asText()).isEqualTo(appointmentId);
        assertThat(again.text("outTradeNo")).isEqualTo(outTradeNo);

        JsonNode detail = BookingFlowIT.awaitStatus(patient, appointmentId, "CONFIRMED");
        assertThat(detail.path("appointment").path("feeFen").asLong()).isEqualTo(3000);
        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous.get("/api/schedules/" + scheduleId).body()
                .path("remaining").asInt() == 2);
        // finance's records see the counter payment
        JsonNode payment = BillingRecordsIT.awaitRead(cashier, "/api/admin/payments/" + outTradeNo,
                d -> d.path("payment").path("status").asText().equals("PAID")).path("payment");
        assertThat(payment.path("channel").asText()).isEqualTo("COUNTER");
        assertThat(payment.path("purpose").asText()).isEqualTo("REGISTRATION");
        assertThat(payment.path("amountFen").asLong()).isEqualTo(3000);
        assertThat(payment.path("patientId").asText()).isEqualTo(patient.patientId());
        assertThat(cashier.get("/api/admin/payments?channel=COUNTER&patientId=" + patient.patientId()).items()
                .findValuesAsText("outTradeNo")).contains(outTradeNo);
    }

    @Test
    void aWalkInKeepsEveryRuleOfBooking() {
        String scheduleId = admin.openSchedule(2, 3000);
        Api.Patient patient = anonymous.patient();

        // what the cashier took must be the fee: refused, and nothing is held
        refused(walkIn(scheduleId, patient.patientId(), Api.unique("rcpt"), 2000), 409, "PAYMENT_AMOUNT_MISMATCH");
        expect(walkIn(scheduleId, patient.patientId(), Api.unique("rcpt"), 3000), 201);
        // one hold per patient, whichever way they came
        refused(walkIn(scheduleId, patient.patientId(), Api.unique("rcpt"), 3000), 409, "ALREADY_HOLDS_SCHEDULE");
        refused(patient.book(scheduleId), 409, "ALREADY_HOLDS_SCHEDULE");
        // capacity: online and counter share the slots
        expect(anonymous.patient().book(scheduleId), 201);
        refused(walkIn(scheduleId, anonymous.patient().patientId(), Api.unique("rcpt"), 3000), 409, "SCHEDULE_FULL");

        String roomy = admin.openSchedule(5, 3000);
        refused(walkIn(roomy, "no-such-patient", Api.unique("rcpt"), 3000), 404, "PATIENT_NOT_FOUND");
        refused(walkIn("no-such-schedule", patient.patientId(), Api.unique("rcpt"), 3000), 404, "SCHEDULE_NOT_FOUND");
        assertThat(walkIn(roomy, patient.patientId(), "bad receipt!", 3000).status()).isEqualTo(400);
        // a receipt registers one walk-in
        String receipt = Api.unique("rcpt");
        expect(walkIn(roomy, patient.patientId(), receipt, 3000), 201);
        refused(walkIn(roomy, anonymous.patient().patientId(), receipt, 3000), 409, "IDEMPOTENCY_CONFLICT");
        // schedulers publish, cashiers register
        Api scheduler = admin.newStaff("SCHEDULER", null);
        assertThat(scheduler.post("/api/admin/walk-ins", "{}").status()).isEqualTo(403);
    }

    @Test
    void aWalkInCountsTowardsTheDailyLimit() {
        String department = admin.department();
        LocalDate date = LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(5);
        Api.Patient busy = anonymous.patient();
        for (int i = 0; i < 3; i++) {
            expect(busy.book(admin.schedule(admin.doctor(department, 1000), date, "EVENING", 5)), 201);
        }
        String fourth = admin.schedule(admin.doctor(department, 1000), date, "EVENING", 5);
        refused(walkIn(fourth, busy.patientId(), Api.unique("rcpt"), 1000), 409, "DAILY_LIMIT_REACHED");
        expect(walkIn(fourth, anonymous.patient().patientId(), Api.unique("rcpt"), 1000), 201);
    }

    @Test
    void aFreeScheduleTakesNothingAtTheCounter() {
        String scheduleId = admin.openSchedule(2, 0);
        Api.Patient patient = anonymous.patient();
        refused(walkIn(scheduleId, patient.patientId(), Api.unique("rcpt"), 100), 409, "PAYMENT_AMOUNT_MISMATCH");
        Api.Response free = expect(walkIn(scheduleId, patient.patientId(), Api.unique("rcpt"), 0), 201);
        assertThat(free.body().path("booking").path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(free.body().path("outTradeNo").isNull()).isTrue();
    }

    /** The window and the mini-program race for the same slots: never overbooked, whoever wins. */
    @Test
    void walkInsAndOnlineBookingsShareTheSlotsUnderARace() throws Exception {
        String scheduleId = admin.openSchedule(10, 3000);
        java.util.List<Api.Patient> patients = ConcurrentBookingIT.patients(anonymous, 40);
        java.util.Map<String, Long> outcome = ConcurrentBookingIT.race(40, i -> i % 2 == 0
                ? patients.get(i).book(scheduleId)
                : walkIn(scheduleId, patients.get(i).patientId(), Api.unique("rcpt"), 3000));
        ConcurrentBookingIT.assertExactlyBooked(outcome, 10, 40);
        await().atMost(Duration.ofSeconds(20)).until(() -> anonymous.get("/api/schedules/" + scheduleId).body()
                .path("remaining").asInt(-1) == 0);
    }

    /** Cash paid at the counter for a session that is then suspended comes back to the patient's balance. */
    @Test
    void aSuspendedWalkInIsRefundedToTheBalance() {
        String scheduleId = admin.openSchedule(2, 3000);
        Api.Patient patient = anonymous.patient();
        String appointmentId = expect(walkIn(scheduleId, patient.patientId(), Api.unique("rcpt"), 3000), 201)
                .body().path("booking").path("appointmentId").asText();
        expect(admin.post("/api/admin/schedules/" + scheduleId + "/suspend", "{\"reason\":\"医生临时出诊\"}"), 200);

        BookingFlowIT.awaitStatus(patient, appointmentId, "CANCELLED");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode account : patient.api().get("/api/me/accounts?patientId=" + patient.patientId()).items()) {
                if (account.path("kind").asText().equals("OUTPATIENT")) {
                    return account.path("balanceFen").asLong() == 3000;
                }
            }
            return false;
        });
    }
}
