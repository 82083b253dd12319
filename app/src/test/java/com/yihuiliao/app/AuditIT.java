package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who did it, read from the event store: timelines with their actors, and states as of an instant. */
class AuditIT extends IntegrationTest {

    static final long FEE = 3_000;

    @LocalServerPort
    int port;

    Api admin;
    Api finance;
    Api auditor;

    @BeforeEach
    void staff() {
        admin = new Api(port).admin();
        finance = admin.newStaff("FINANCE", null);
        auditor = admin.newStaff("AUDITOR", null);
    }

    static String subject(Api api) {
        String payload = api.token().split("\\.")[1];
        try {
            return new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
                    .path("sub").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A patient's own read: the query side knows a patient once the patient view has seen it. */
    static JsonNode mine(Api.Patient patient, String path) {
        await().atMost(Duration.ofSeconds(20)).until(() -> patient.api().get(path).status() == 200);
        return patient.api().get(path).body();
    }

    static JsonNode entry(JsonNode timeline, String type) {
        for (JsonNode entry : timeline.path("items")) {
            if (entry.path("type").asText().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError(type + " not in " + timeline);
    }

    @Test
    void aPatientsBookingAndPaymentShowThePatientAndTheCashier() {
        Api.Patient patient = admin.patient();
        String account = subject(patient.api());
        Api.expect(finance.counterTopUp(patient.patientId(), 10_000), 200);
        String scheduleId = admin.openSchedule(3, FEE);
        String appointmentId = Api.expect(patient.book(scheduleId), 201).text("appointmentId");
        String outTradeNo = Api.expect(patient.payWithBalance(appointmentId), 200).text("outTradeNo");

        JsonNode appointment = Api.expect(auditor.get("/api/admin/timeline/appointment/" + appointmentId), 200).body();
        assertThat(appointment.path("items").findValuesAsText("type")).containsExactly("AppointmentBooked", "AppointmentConfirmed");
        JsonNode booked = entry(appointment, "AppointmentBooked");
        assertThat(booked.path("sequence").asLong()).isZero();
        assertThat(booked.path("at").asText()).endsWith("+08:00");
        assertThat(booked.path("actor").path("kind").asText()).isEqualTo("PATIENT");
        assertThat(booked.path("actor").path("id").asText()).isEqualTo(account);
        assertThat(entry(appointment, "AppointmentConfirmed").path("actor").path("id").asText()).isEqualTo(account);

        JsonNode payment = Api.expect(finance.get("/api/admin/timeline/payment/" + outTradeNo), 200).body();
        JsonNode succeeded = entry(payment, "PaymentSucceeded");
        assertThat(succeeded.path("actor").path("kind").asText()).isEqualTo("PATIENT");
        assertThat(succeeded.path("fields").path("amountFen").asLong()).isEqualTo(FEE);
        assertThat(succeeded.path("fields").path("channel").asText()).isEqualTo("BALANCE");

        JsonNode accountTimeline = Api.expect(auditor.get("/api/admin/timeline/account/" + patient.patientId()
                + ":OUTPATIENT"), 200).body();
        JsonNode credited = entry(accountTimeline, "AccountCredited");
        assertThat(credited.path("actor").path("kind").asText()).isEqualTo("STAFF");
        assertThat(credited.path("actor").path("id").asText()).isEqualTo(subject(finance));
        assertThat(credited.path("actor").path("role").asText()).isEqualTo("FINANCE");
        assertThat(entry(accountTimeline, "AccountDebited").path("fields").path("balanceAfterFen").asLong())
                .isEqualTo(10_000 - FEE);

        // the patient reads their own, the cashier unnamed; another account's is unknown
        JsonNode mine = mine(patient, "/api/me/payments/" + outTradeNo + "/timeline");
        assertThat(mine.path("items").findValuesAsText("type")).contains("PaymentCreated", "PaymentSucceeded");
        JsonNode myCredit = entry(mine(patient, "/api/me/appointments/" + appointmentId + "/timeline"),
                "AppointmentBooked");
        assertThat(myCredit.path("actor").path("id").asText()).isEqualTo(account);
        Api.Patient other = admin.patient();
        assertThat(other.api().get("/api/me/appointments/" + appointmentId + "/timeline").code())
                .isEqualTo("APPOINTMENT_NOT_FOUND");
        assertThat(other.api().get("/api/me/payments/" + outTradeNo + "/timeline").status()).isEqualTo(404);

        // paged
        JsonNode first = Api.expect(auditor.get("/api/admin/timeline/payment/" + outTradeNo + "?size=1"), 200).body();
        assertThat(first.path("items")).hasSize(1);
        JsonNode second = Api.expect(auditor.get("/api/admin/timeline/payment/" + outTradeNo + "?size=1&cursor="
                + first.path("nextCursor").asText()), 200).body();
        assertThat(second.path("items").get(0).path("sequence").asLong()).isEqualTo(1);
    }

    @Test
    void aSuspensionsCancellationsAreTheSystemsOnBehalfOfTheScheduler() {
        Api scheduler = admin.newStaff("SCHEDULER", null);
        Api.Patient patient = admin.patient();
        String scheduleId = admin.openSchedule(3, FEE);
        String appointmentId = Api.expect(patient.book(scheduleId), 201).text("appointmentId");
        Api.expect(scheduler.post("/api/admin/schedules/" + scheduleId + "/suspend", "{\"reason\":\"医生临时出诊\"}"), 200);

        await().atMost(Duration.ofSeconds(20)).until(() -> auditor.get("/api/admin/timeline/appointment/" + appointmentId)
                .body().path("items").findValuesAsText("type").contains("AppointmentCancelled"));
        JsonNode cancelled = entry(auditor.get("/api/admin/timeline/appointment/" + appointmentId).body(),
                "AppointmentCancelled");
        assertThat(cancelled.path("actor").path("kind").asText()).isEqualTo("SYSTEM");
        assertThat(cancelled.path("actor").path("cause").asText()).isEqualTo("ScheduleSuspended");
        assertThat(cancelled.path("actor").path("onBehalfOf").path("kind").asText()).isEqualTo("STAFF");
        assertThat(cancelled.path("actor").path("onBehalfOf").path("id").asText()).isEqualTo(subject(scheduler));
        assertThat(cancelled.path("actor").path("onBehalfOf").path("role").asText()).isEqualTo("SCHEDULER");
        // the words the scheduler typed are no key field
        assertThat(cancelled.toString()).doesNotContain("医生临时出诊");

        JsonNode seen = entry(mine(patient, "/api/me/appointments/" + appointmentId + "/timeline"),
                "AppointmentCancelled");
        assertThat(seen.path("actor").path("onBehalfOf").path("kind").asText()).isEqualTo("STAFF");
        assertThat(seen.path("actor").path("onBehalfOf").hasNonNull("id")).isFalse();
        assertThat(seen.toString()).doesNotContain(subject(scheduler));
    }

    @Test
    void onlyAuditorsFinanceAndTheSuperAdminReadTimelinesAndOnlyAuditorsStatesAsOf() {
        Api.Patient patient = admin.patient();
        Api.expect(finance.counterTopUp(patient.patientId(), 500), 200);
        String account = patient.patientId() + ":OUTPATIENT";
        String now = Instant.now().toString();
        for (String role : List.of("SCHEDULER", "DOCTOR")) {
            Api staff = admin.newStaff(role, role.equals("DOCTOR") ? admin.doctor(admin.department(), FEE) : null);
            assertThat(staff.get("/api/admin/timeline/account/" + account).status()).isEqualTo(403);
            assertThat(staff.get("/api/admin/as-of/account/" + account + "?at=" + now).status()).isEqualTo(403);
        }
        assertThat(patient.api().get("/api/admin/timeline/account/" + account).status()).isIn(401, 403);
        assertThat(patient.api().get("/api/admin/as-of/account/" + account + "?at=" + now).status()).isIn(401, 403);
        assertThat(new Api(port).get("/api/admin/timeline/account/" + account).status()).isEqualTo(401);
        assertThat(finance.get("/api/admin/as-of/account/" + account + "?at=" + now).status()).isEqualTo(403);
        Api.expect(admin.get("/api/admin/timeline/account/" + account), 200);
        Api.expect(admin.get("/api/admin/as-of/account/" + account + "?at=" + now), 200);

        // bad input
        assertThat(auditor.get("/api/admin/timeline/appointment/no-such-appointment").code()).isEqualTo("APPOINTMENT_NOT_FOUND");
        assertThat(auditor.get("/api/admin/timeline/schedule/x").status()).isEqualTo(404);
        assertThat(auditor.get("/api/admin/as-of/account/" + account + "?at=yesterday").code()).isEqualTo("VALIDATION_FAILED");
        assertThat(auditor.get("/api/admin/as-of/account/" + account + "?at=" + Instant.now().plusSeconds(3600)).status())
                .isEqualTo(400);
        assertThat(auditor.get("/api/admin/as-of/account/" + account + "?at=" + now + "&when=x").code())
                .isEqualTo("UNKNOWN_PARAMETER");
        assertThat(auditor.get("/api/admin/as-of/payment/NOSUCHORDER?at=" + now).code()).isEqualTo("PAYMENT_NOT_FOUND");
    }

    @Test
    void aBalanceAsOfAnyInstantIsTheRunningBalanceOfTheMovements() {
        Api.Patient patient = admin.patient();
        Api.expect(finance.counterTopUp(patient.patientId(), 10_000), 200);
        String scheduleId = admin.openSchedule(3, FEE);
        String appointmentId = Api.expect(patient.book(scheduleId), 201).text("appointmentId");
        String outTradeNo = Api.expect(patient.payWithBalance(appointmentId), 200).text("outTradeNo");
        Api.expect(finance.counterTopUp(patient.patientId(), 700), 200);
        assertThat(finance.post("/api/admin/payments/" + outTradeNo + "/refunds",
                "{\"amountFen\":1000,\"reason\":\"test\"}").status()).isBetween(200, 201);

        String movementsPath = "/api/admin/accounts/" + patient.patientId() + "/movements?kind=OUTPATIENT";
        await().atMost(Duration.ofSeconds(20)).until(() -> auditor.get(movementsPath).items().size() == 4);
        List<JsonNode> movements = new ArrayList<>();
        auditor.get(movementsPath).items().forEach(movements::add);
        java.util.Collections.reverse(movements); // oldest first
        String account = patient.patientId() + ":OUTPATIENT";
        long before = 0;
        for (JsonNode movement : movements) {
            Instant at = Instant.parse(movement.path("occurredAt").asText());
            assertThat(balanceAt(account, at.minusMillis(1))).isEqualTo(before);
            assertThat(balanceAt(account, at)).isEqualTo(movement.path("balanceAfterFen").asLong());
            before = movement.path("balanceAfterFen").asLong();
        }
        assertThat(before).isEqualTo(10_000 - FEE + 700 + 1000);

        // the payment as of its refund's instant
        Instant refundedAt = Instant.parse(movements.get(3).path("occurredAt").asText());
        JsonNode paymentThen = Api.expect(auditor.get("/api/admin/as-of/payment/" + outTradeNo + "?at=" + refundedAt.minusMillis(1)), 200).body();
        assertThat(paymentThen.path("status").asText()).isEqualTo("PAID");
        assertThat(paymentThen.path("refundedFen").asLong()).isZero();
        JsonNode paymentNow = Api.expect(auditor.get("/api/admin/as-of/payment/" + outTradeNo + "?at=" + Instant.now()), 200).body();
        assertThat(paymentNow.path("status").asText()).isEqualTo("PARTLY_REFUNDED");
        assertThat(paymentNow.path("paidFen").asLong()).isEqualTo(FEE);
        assertThat(paymentNow.path("refundedFen").asLong()).isEqualTo(1000);
    }

    long balanceAt(String account, Instant at) {
        return Api.expect(auditor.get("/api/admin/as-of/account/" + account + "?at=" + at), 200).body()
                .path("balanceFen").asLong();
    }
}
