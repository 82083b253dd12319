package com.yihuiliao.app;

import static com.yihuiliao.app.Api.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.command.notification.NotificationKind;
import com.yihuiliao.command.notification.Notifications;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Notifications through HTTP with the WeChat sandbox: sent once, kept in the inbox, retried, parked, refused. */
class NotificationsIT extends IntegrationTest {

    private static final AtomicInteger IDS = new AtomicInteger(7000);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SchedulerClient scheduler;
    @Autowired
    Notifications notifications;

    Api admin;

    @BeforeEach
    void staff() {
        admin = new Api(port).admin();
    }

    /** A new WeChat account, with its openid as the sandbox derives it, and one patient. */
    record Account(Api.Patient patient, String openid) {
        Api api() {
            return patient.api();
        }

        String patientId() {
            return patient.patientId();
        }
    }

    Account account() throws Exception {
        String user = Api.unique("notify");
        Api.Response login = expect(new Api(port).post("/api/auth/wechat/login", "{\"code\":\"" + user + ":1\"}"), 200);
        Api api = new Api(port).withToken(login.text("accessToken"));
        String patientId = expect(api.post("/api/me/patients", "{\"realName\":\"李四\",\"idNumber\":\""
                + Api.residentId(IDS.incrementAndGet()) + "\",\"phone\":\"13812345678\",\"relationship\":\"SELF\"}"), 201)
                .text("patientId");
        String openid = "o" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(user.getBytes(StandardCharsets.UTF_8))).substring(0, 27);
        return new Account(new Api.Patient(api, patientId, login.text("refreshToken")), openid);
    }

    List<JsonNode> received(String openid, String templateId) {
        JsonNode all = new Api(port).get("/sandbox/wechat/simulate/subscribe-messages?touser=" + openid).body();
        List<JsonNode> matching = new java.util.ArrayList<>();
        all.forEach(message -> {
            if (message.path("templateId").asText().equals(templateId)) {
                matching.add(message);
            }
        });
        return matching;
    }

    void answer(String openid, int errcode) {
        expect(new Api(port).post("/sandbox/wechat/simulate/subscribe-errcode",
                "{\"openid\":\"" + openid + "\",\"errcode\":" + errcode + "}"), 204);
    }

    JsonNode inbox(Account account) {
        return expect(account.api().get("/api/me/messages?patientId=" + account.patientId()), 200).items();
    }

    JsonNode message(Account account, String kind) {
        for (JsonNode message : inbox(account)) {
            if (message.path("kind").asText().equals(kind)) {
                return message;
            }
        }
        return null;
    }

    String delivery(Account account, String kind) {
        JsonNode message = message(account, kind);
        return message == null ? null : message.path("delivery").asText();
    }

    String confirmedFree(Account account, String scheduleId) {
        String appointmentId = expect(account.patient().book(scheduleId), 201).text("appointmentId");
        await().atMost(WAIT).until(() -> "CONFIRMED".equals(jdbc.queryForList(
                "SELECT status FROM notification_appointment WHERE appointment_id = ?", String.class, appointmentId)
                .stream().findFirst().orElse(null)));
        return appointmentId;
    }

    Instant reminderDue(String appointmentId, String kind) {
        return scheduler.getScheduledExecution(TaskInstanceId.of("notification-reminder", "reminder:" + appointmentId + ":" + kind))
                .orElseThrow().getExecutionTime();
    }

    @Test
    void aConfirmedBookingReachesWeChatOnceAndStaysInTheInboxOfItsAccountOnly() throws Exception {
        Account account = account();
        String appointmentId = confirmedFree(account, admin.openSchedule(3, 0));

        await().atMost(WAIT).until(() -> "SENT".equals(delivery(account, "APPOINTMENT_CONFIRMED")));
        List<JsonNode> sent = received(account.openid(), "sandbox-appointment-confirmed");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("data").path("character_string1").path("value").asText()).isEqualTo(appointmentId);
        assertThat(sent.get(0).path("miniprogramState").asText()).isEqualTo("developer");
        JsonNode message = message(account, "APPOINTMENT_CONFIRMED");
        assertThat(message.path("subjectId").asText()).isEqualTo(appointmentId);
        assertThat(message.path("readAt").isNull()).isTrue();

        // the same notification again (a redelivered event, another node): nothing new is written or sent
        notifications.notify(NotificationKind.APPOINTMENT_CONFIRMED, appointmentId, account.patientId(), Map.of("thing4", "again"));
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = "
                + "'notification-delivery' AND task_instance = ?", Long.class, message.path("messageId").asText()) == 0);
        assertThat(received(account.openid(), "sandbox-appointment-confirmed")).hasSize(1);
        assertThat(inbox(account).size()).isEqualTo(1);

        String messageId = message.path("messageId").asText();
        expect(account.api().post("/api/me/messages/" + messageId + "/read", ""), 204);
        expect(account.api().post("/api/me/messages/" + messageId + "/read", ""), 204);
        assertThat(message(account, "APPOINTMENT_CONFIRMED").path("readAt").isNull()).isFalse();

        Account other = account();
        assertThat(expect(other.api().post("/api/me/messages/" + messageId + "/read", ""), 404).code())
                .isEqualTo("MESSAGE_NOT_FOUND");
        expect(other.api().get("/api/me/messages?patientId=" + account.patientId()), 404);
        assertThat(expect(other.api().get("/api/me/messages"), 200).items().size()).isZero();
        assertThat(expect(account.api().get("/api/me/messages?since=today"), 400).code()).isEqualTo("UNKNOWN_PARAMETER");
    }

    @Test
    void aUserWhoRefusedIsRecordedAndNotRetriedAndAnOptedOutKindIsNotSent() throws Exception {
        Account refusing = account();
        answer(refusing.openid(), 43101);
        confirmedFree(refusing, admin.openSchedule(3, 0));
        await().atMost(WAIT).until(() -> "REFUSED".equals(delivery(refusing, "APPOINTMENT_CONFIRMED")));
        String id = message(refusing, "APPOINTMENT_CONFIRMED").path("messageId").asText();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?", Long.class, id)).isZero();
        assertThat(received(refusing.openid(), "sandbox-appointment-confirmed")).hasSize(1);

        Account declined = account();
        expect(declined.api().put("/api/me/notification-opt-outs/APPOINTMENT_CONFIRMED", ""), 204);
        confirmedFree(declined, admin.openSchedule(3, 0));
        await().atMost(WAIT).until(() -> "OPTED_OUT".equals(delivery(declined, "APPOINTMENT_CONFIRMED")));
        assertThat(received(declined.openid(), "sandbox-appointment-confirmed")).isEmpty();
    }

    @Test
    void aFailingRecipientIsRetriedThenParkedWhileAnotherIsStillTold() throws Exception {
        Account failing = account();
        Account fine = account();
        answer(failing.openid(), -1);
        String scheduleId = admin.openSchedule(3, 0);
        confirmedFree(failing, scheduleId);
        confirmedFree(fine, scheduleId);

        await().atMost(WAIT).until(() -> "SENT".equals(delivery(fine, "APPOINTMENT_CONFIRMED")));
        await().atMost(WAIT).until(() -> "PARKED".equals(delivery(failing, "APPOINTMENT_CONFIRMED")));
        List<JsonNode> attempts = received(failing.openid(), "sandbox-appointment-confirmed");
        assertThat(attempts).hasSize(3);
        String id = message(failing, "APPOINTMENT_CONFIRMED").path("messageId").asText();
        JsonNode parked = null;
        for (JsonNode row : admin.all("/api/admin/notifications/parked")) {
            if (row.path("notificationId").asText().equals(id)) {
                parked = row;
            }
        }
        assertThat(parked).isNotNull();
        assertThat(parked.path("attempts").asInt()).isEqualTo(3);
        assertThat(parked.path("lastError").asText()).isEqualTo("errcode -1");
        expect(failing.api().get("/api/admin/notifications/parked"), 403);

        answer(failing.openid(), 0);
        expect(admin.post("/api/admin/notifications/" + id + "/retry", ""), 204);
        await().atMost(WAIT).until(() -> "SENT".equals(delivery(failing, "APPOINTMENT_CONFIRMED")));
        assertThat(received(failing.openid(), "sandbox-appointment-confirmed")).hasSize(4);
        assertThat(expect(admin.post("/api/admin/notifications/" + id + "/retry", ""), 409).code())
                .isEqualTo("NOTIFICATION_NOT_PARKED");
    }

    @Test
    void theDayBeforeReminderIsDueADayBeforeThePeriodAndSkipsACancelledAppointment() throws Exception {
        LocalDate date = LocalDate.now(Clocks.HOSPITAL_ZONE).plusDays(2);
        String scheduleId = admin.schedule(admin.doctor(admin.department(), 0), date, "AFTERNOON", 3);
        Account reminded = account();
        Account cancelled = account();
        String remindedId = confirmedFree(reminded, scheduleId);
        String cancelledId = confirmedFree(cancelled, scheduleId);

        Instant start = date.atTime(Period.AFTERNOON.start()).atZone(Clocks.HOSPITAL_ZONE).toInstant();
        assertThat(reminderDue(remindedId, "DAY_BEFORE")).isEqualTo(start.minus(Duration.ofDays(1)));
        assertThat(reminderDue(remindedId, "HOUR_BEFORE")).isEqualTo(start.minus(Duration.ofHours(1)));

        expect(cancelled.api().post("/api/appointments/" + cancelledId + "/cancel",
                "{\"patientId\":\"" + cancelled.patientId() + "\",\"reason\":\"改期\"}"), 200);
        await().atMost(WAIT).until(() -> "CANCELLED".equals(jdbc.queryForObject(
                "SELECT status FROM notification_appointment WHERE appointment_id = ?", String.class, cancelledId)));

        // the day comes: the reminders fall due now instead of waiting a day
        Instant now = Instant.now();
        scheduler.reschedule(TaskInstanceId.of("notification-reminder", "reminder:" + remindedId + ":DAY_BEFORE"), now);
        scheduler.reschedule(TaskInstanceId.of("notification-reminder", "reminder:" + cancelledId + ":DAY_BEFORE"), now);

        await().atMost(WAIT).until(() -> "SENT".equals(delivery(reminded, "DAY_BEFORE")));
        assertThat(received(reminded.openid(), "sandbox-visit-reminder")).hasSize(1);
        await().atMost(WAIT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?",
                Long.class, "reminder:" + cancelledId + ":DAY_BEFORE") == 0);
        assertThat(message(cancelled, "DAY_BEFORE")).isNull();
        assertThat(received(cancelled.openid(), "sandbox-visit-reminder")).isEmpty();
    }

    @Test
    void aSuspensionTellsThePaidPatientAndTheRefundTellsThemAgain() throws Exception {
        Account account = account();
        String scheduleId = admin.openSchedule(3, 2_500);
        String appointmentId = expect(account.patient().book(scheduleId), 201).text("appointmentId");
        // a payment reminder waits for the hold's last minutes
        Instant holdEnds = Instant.now().plus(Duration.ofMinutes(15));
        await().atMost(WAIT).until(() -> scheduler.getScheduledExecution(TaskInstanceId.of("notification-reminder",
                "reminder:" + appointmentId + ":PAYMENT_DUE")).isPresent());
        assertThat(reminderDue(appointmentId, "PAYMENT_DUE")).isBefore(holdEnds.minus(Duration.ofMinutes(4)));
        expect(admin.newStaff("FINANCE", null).counterTopUp(account.patientId(), 2_500), 200);
        expect(account.patient().payWithBalance(appointmentId), 200);

        expect(admin.post("/api/admin/schedules/" + scheduleId + "/suspend", "{\"reason\":\"医生出差\"}"), 200);
        await().atMost(WAIT).until(() -> "SENT".equals(delivery(account, "APPOINTMENT_SUSPENDED")));
        assertThat(message(account, "APPOINTMENT_SUSPENDED").path("data").path("thing4").asText()).contains("退回");
        await().atMost(WAIT).until(() -> "SENT".equals(delivery(account, "REFUND_COMPLETED")));
        assertThat(message(account, "REFUND_COMPLETED").path("data").path("amount2").asText()).isEqualTo("25.00元");
        assertThat(received(account.openid(), "sandbox-refund-completed")).hasSize(1);
    }
}
