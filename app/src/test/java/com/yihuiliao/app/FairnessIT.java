package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.Clocks;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A fair morning: a missed appointment bans its person — under every account that registered the same document —
 * until staff lift it; one booking per department per day. A context of its own: its sweep counts an appointment
 * missed as soon as it is confirmed (missed-after -72h), which would upset every other test.
 */
class FairnessIT {

    private static ConfigurableApplicationContext context;
    private static int port;

    @BeforeAll
    static void start() {
        Map<String, String> props = new LinkedHashMap<>(TestEnvironment.freshDatabase("fairness"));
        props.put("server.port", "0");
        props.put("yihuiliao.standing.missed-after", "-72h");
        props.put("yihuiliao.standing.missed-sweep-every", "1s");
        props.put("yihuiliao.booking.department-daily-limit", "1");
        props.put("yihuiliao.booking.doctor-daily-limit", "1");
        context = new SpringApplicationBuilder(YihuiliaoApplication.class)
                .run(props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
        port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    /** A new WeChat account with one patient of this resident ID number. */
    static Api.Patient patientWith(String idNumber) {
        Api anonymous = new Api(port);
        Api.Response login = expect(anonymous.post("/api/auth/wechat/login", "{\"code\":\"" + Api.unique("user") + ":1\"}"), 200);
        Api account = anonymous.withToken(login.text("accessToken"));
        Api.Response added = expect(account.post("/api/me/patients", "{\"realName\":\"李四\",\"idNumber\":\"" + idNumber
                + "\",\"relationship\":\"SELF\"}"), 201);
        return new Api.Patient(account, added.text("patientId"), login.text("refreshToken"));
    }

    static LocalDate inDays(int days) {
        return LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(days);
    }

    @Test
    void aMissedAppointmentBansThePersonUnderEveryAccountUntilStaffLiftIt() {
        Api admin = new Api(port).admin();
        Api scheduler = admin.newStaff("SCHEDULER", null);
        Api finance = admin.newStaff("FINANCE", null);
        String idNumber = Api.residentId(20_999);
        Api.Patient first = patientWith(idNumber);
        Api.Patient second = patientWith(idNumber); // the same person under another account
        Api.Patient stranger = new Api(port).patient();

        // a free appointment is confirmed at once; its period "ended" (missed-after -72h): the sweep marks it missed
        String free = admin.schedule(admin.doctor(admin.department(), 0), inDays(2), "MORNING", 5);
        String appointmentId = expect(first.book(free), 201).text("appointmentId");
        await().atMost(Duration.ofSeconds(30)).until(() -> scheduler.get("/api/admin/bans?patientId=" + first.patientId())
                .items().size() == 1);
        JsonNode ban = scheduler.get("/api/admin/bans?patientId=" + first.patientId()).items().get(0);
        assertThat(ban.path("offence").asText()).isEqualTo("NO_SHOW");
        assertThat(ban.path("rule").asText()).isEqualTo("no-show");
        assertThat(ban.path("counted").asInt()).isEqualTo(1);
        assertThat(ban.path("active").asBoolean()).isTrue();
        assertThat(ban.path("idNumberMasked").asText()).doesNotContain(idNumber.substring(6, 14));
        String banId = ban.path("banId").asText();
        JsonNode missed = BookingFlowIT.awaitStatus(first, appointmentId, "MISSED");
        assertThat(missed.path("history").findValuesAsText("status")).containsExactly("HELD", "CONFIRMED", "MISSED");

        // refused, saying until when and what was counted — under the other account too
        String paid = admin.openSchedule(5, 3000);
        Api.Response refused = first.book(paid);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("BOOKING_BANNED");
        assertThat(refused.body().path("counted").asInt()).isEqualTo(1);
        assertThat(refused.body().path("until").asText()).isNotBlank();
        assertThat(refused.body().path("detail").asText()).contains("1");
        Api.Response alsoRefused = second.book(paid);
        assertThat(alsoRefused.status()).isEqualTo(422);
        assertThat(alsoRefused.code()).isEqualTo("BOOKING_BANNED");
        assertThat(stranger.book(paid).status()).isEqualTo(201);

        // the patient reads their own ban; another account's patient is unknown to them
        assertThat(expect(second.api().get("/api/me/bans?patientId=" + second.patientId()), 200).items().size()).isEqualTo(1);
        assertThat(expect(stranger.api().get("/api/me/bans?patientId=" + first.patientId()), 404).code())
                .isEqualTo("PATIENT_NOT_FOUND");
        // and is told of it
        await().atMost(Duration.ofSeconds(30)).until(() -> first.api().get("/api/me/messages?patientId=" + first.patientId())
                .items().findValuesAsText("kind").contains("PENALTY_APPLIED"));

        // finance neither sees nor lifts bans; the scheduler lifts it with a reason, recorded with who did
        assertThat(finance.get("/api/admin/bans").status()).isEqualTo(403);
        assertThat(finance.post("/api/admin/bans/" + banId + "/lift", "{\"reason\":\"核实为急诊\"}").status()).isEqualTo(403);
        assertThat(expect(scheduler.post("/api/admin/bans/nope-1/lift", "{\"reason\":\"核实为急诊\"}"), 404).code())
                .isEqualTo("BAN_NOT_FOUND");
        assertThat(expect(scheduler.post("/api/admin/bans/" + banId + "/lift", "{}"), 400).code()).isEqualTo("VALIDATION_FAILED");
        JsonNode lifted = expect(scheduler.post("/api/admin/bans/" + banId + "/lift", "{\"reason\":\"核实为急诊\"}"), 200).body();
        assertThat(lifted.path("active").asBoolean()).isFalse();
        assertThat(lifted.path("liftedBy").asText()).isEqualTo(AuditIT.subject(scheduler));
        assertThat(lifted.path("liftReason").asText()).isEqualTo("核实为急诊");
        // lifting again changes nothing
        expect(scheduler.post("/api/admin/bans/" + banId + "/lift", "{\"reason\":\"重复\"}"), 200);
        assertThat(scheduler.get("/api/admin/bans?patientId=" + second.patientId()).items().size()).isZero();
        assertThat(scheduler.get("/api/admin/bans?active=false&patientId=" + second.patientId()).items().size()).isEqualTo(1);

        expect(first.book(paid), 201);
        expect(second.book(admin.openSchedule(5, 3000)), 201);
    }

    @Test
    void onePatientBooksOneDoctorOfADepartmentADayUntilTheyCancel() {
        Api admin = new Api(port).admin();
        Api.Patient patient = new Api(port).patient();
        String department = admin.department();
        LocalDate date = inDays(3);
        String morning = admin.schedule(admin.doctor(department, 2000), date, "MORNING", 5);
        String otherDoctor = admin.schedule(admin.doctor(department, 2000), date, "AFTERNOON", 5);
        String otherDepartment = admin.schedule(admin.doctor(admin.department(), 2000), date, "AFTERNOON", 5);

        String appointmentId = expect(patient.book(morning), 201).text("appointmentId");
        Api.Response refused = patient.book(otherDoctor);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("DEPARTMENT_DAILY_LIMIT_REACHED");
        assertThat(refused.body().path("limit").asInt()).isEqualTo(1);
        expect(patient.book(otherDepartment), 201);
        // a refused booking left nothing behind; a cancellation gives the department's booking back
        expect(new Api(port).patient().book(otherDoctor), 201);
        expect(patient.api().post("/api/appointments/" + appointmentId + "/cancel",
                "{\"patientId\":\"" + patient.patientId() + "\"}"), 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> patient.book(otherDoctor).status() == 201);
    }

    @Test
    void onlyTheOwnConfirmedAppointmentChecksIn() {
        Api admin = new Api(port).admin();
        Api.Patient patient = new Api(port).patient();
        String appointmentId = expect(patient.book(admin.openSchedule(5, 3000)), 201).text("appointmentId");
        String body = "{\"patientId\":\"" + patient.patientId() + "\"}";
        // unpaid: nothing to check in for yet
        assertThat(expect(patient.api().post("/api/appointments/" + appointmentId + "/check-in", body), 409).code())
                .isEqualTo("APPOINTMENT_NOT_CHECKABLE");
        // another account's patient is unknown to the caller
        assertThat(expect(new Api(port).patient().api().post("/api/appointments/" + appointmentId + "/check-in", body), 404)
                .code()).isEqualTo("PATIENT_NOT_FOUND");
        assertThat(expect(patient.api().post("/api/appointments/" + appointmentId + "/check-in", "{}"), 400).code())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void schedulersKeepThePenaltyRules() {
        Api admin = new Api(port).admin();
        Api scheduler = admin.newStaff("SCHEDULER", null);
        JsonNode rules = expect(scheduler.get("/api/admin/penalty-rules"), 200).body();
        assertThat(rules.path("rules").findValuesAsText("name"))
                .containsExactly("no-show", "three-no-shows-a-year", "three-late-cancellations-a-month");
        assertThat(rules.path("lateCancellationHours").asInt()).isEqualTo(24);
        assertThat(expect(scheduler.put("/api/admin/penalty-rules", "{\"rules\":[{\"name\":\"x\",\"counts\":[\"NO_SHOW\"],"
                + "\"window\":\"CALENDAR_MONTH\",\"count\":0,\"banDays\":[7]}],\"lateCancellationHours\":24}"), 422).code())
                .isEqualTo("INVALID_PENALTY_RULES");
        assertThat(admin.newStaff("FINANCE", null).get("/api/admin/penalty-rules").status()).isEqualTo(403);

        String changed = rules.toString().replace("\"lateCancellationHours\":24", "\"lateCancellationHours\":12");
        expect(scheduler.put("/api/admin/penalty-rules", changed), 200);
        assertThat(scheduler.get("/api/admin/penalty-rules").body().path("lateCancellationHours").asInt()).isEqualTo(12);
        expect(scheduler.put("/api/admin/penalty-rules", rules.toString()), 200);
    }
}
