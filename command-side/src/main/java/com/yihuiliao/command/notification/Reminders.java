package com.yihuiliao.command.notification;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.schedule.Period;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reminders of an appointment: a db-scheduler one-time task per appointment and kind
 * ({@code reminder:<appointmentId>:<kind>}, scheduled if absent), due at its time; when due it reads the
 * appointment again ({@code notification_appointment}) and reminds only of one still held (payment due) or
 * confirmed (the day before, the hour before).
 */
@Component
class Reminders {

    static final Duration DAY_BEFORE = Duration.ofDays(1);
    static final Duration HOUR_BEFORE = Duration.ofHours(1);
    /** An exam's reminder comes the evening before (Beijing time): the notes (fasting and so on) start that night. */
    static final LocalTime EXAM_REMINDER_AT = LocalTime.of(18, 0);

    private final JdbcTemplate jdbc;
    private final Notifications notifications;
    private final ObjectProvider<SchedulerClient> scheduler;

    Reminders(JdbcTemplate jdbc, Notifications notifications, ObjectProvider<SchedulerClient> scheduler) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.scheduler = scheduler;
    }

    static String instanceId(String appointmentId, NotificationKind kind) {
        return "reminder:" + appointmentId + ":" + kind;
    }

    /** Schedules it unless it is scheduled already or its time has passed (a reminder too late is none). */
    void schedule(String appointmentId, NotificationKind kind, Instant at) {
        if (at.isAfter(Notifications.instant())) {
            String id = instanceId(appointmentId, kind);
            scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(NotificationTasks.REMINDER, id, id), at);
        }
    }

    void due(String instanceId) {
        String[] parts = instanceId.split(":");
        String appointmentId = parts[1];
        NotificationKind kind = NotificationKind.valueOf(parts[2]);
        if (kind == NotificationKind.EXAM_DAY_BEFORE) {
            exam(appointmentId).filter(exam -> "PAID".equals(exam.status())).ifPresent(exam -> notifications.notify(kind,
                    exam.bookingId(), exam.patientId(), examData(exam, "明天体检，请按体检须知准备并按时签到")));
            return; // cancelled or expired meanwhile: nothing to remind of
        }
        Optional<Appointment> found = appointment(appointmentId);
        String wanted = kind == NotificationKind.PAYMENT_DUE ? "HELD" : "CONFIRMED";
        if (found.isEmpty() || !wanted.equals(found.get().status())) {
            return; // cancelled, expired or paid meanwhile: nothing to remind of
        }
        Appointment appointment = found.get();
        String note = switch (kind) {
            case PAYMENT_DUE -> "请在" + minutesLeft(appointment.holdExpiresAt()) + "分钟内完成支付，逾期号源将释放";
            case DAY_BEFORE -> "明天就诊，请按时到院签到";
            case HOUR_BEFORE -> "一小时后就诊，请按时到院签到";
            default -> throw new IllegalStateException("not a reminder: " + kind);
        };
        notifications.notify(kind, appointmentId, appointment.patientId(),
                appointmentData(appointmentId, appointment.date(), appointment.period(), note));
    }

    /** What {@code notification_appointment} keeps of an appointment. */
    record Appointment(String patientId, LocalDate date, Period period, Instant holdExpiresAt, String status) {
    }

    Optional<Appointment> appointment(String appointmentId) {
        return jdbc.query("SELECT patient_id, visit_date, period, hold_expires_at, status FROM notification_appointment"
                        + " WHERE appointment_id = ?", (rs, n) -> new Appointment(rs.getString(1), rs.getDate(2).toLocalDate(),
                        Period.valueOf(rs.getString(3)), rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(),
                        rs.getString(5)), appointmentId).stream().findFirst();
    }

    /** What {@code notification_exam} keeps of an exam booking. */
    record Exam(String bookingId, String patientId, String bookingNumber, LocalDate date, String checkInTime,
                String checkInPlace, String status) {
    }

    Optional<Exam> exam(String bookingId) {
        return jdbc.query("SELECT booking_id, patient_id, booking_number, exam_date, check_in_time, check_in_place, status"
                        + " FROM notification_exam WHERE booking_id = ?", (rs, n) -> new Exam(rs.getString(1),
                        rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6),
                        rs.getString(7)), bookingId).stream().findFirst();
    }

    static Instant examReminderAt(LocalDate examDate) {
        return examDate.minusDays(1).atTime(EXAM_REMINDER_AT).atZone(Clocks.HOSPITAL_ZONE).toInstant();
    }

    /**
     * A message about an exam booking: character_string1 its booking number (体检号), time2 the exam date and check-in
     * time, thing3 where to check in, thing4 what to do.
     */
    static Map<String, String> examData(Exam exam, String note) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("character_string1", exam.bookingNumber());
        data.put("time2", exam.date() + (exam.checkInTime() == null ? "" : " " + exam.checkInTime()));
        data.put("thing3", exam.checkInPlace() == null ? "体检中心" : exam.checkInPlace());
        data.put("thing4", note);
        return data;
    }

    private static long minutesLeft(Instant expires) {
        return expires == null ? 0 : Math.max(0, Duration.between(Notifications.instant(), expires).toMinutes());
    }
    /** When the appointment's period starts, in the hospital's zone. */
    static Instant start(LocalDate date, Period period) {
        return date.atTime(period.start()).atZone(Clocks.HOSPITAL_ZONE).toInstant();
    }

    /**
     * A message about an appointment, in the keys its templates use: character_string1 the appointment, time2 when
     * its period starts (Shanghai), phrase3 the period, thing4 what to do.
     */
    static Map<String, String> appointmentData(String appointmentId, LocalDate date, Period period, String note) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("character_string1", appointmentId);
        data.put("time2", date + " " + period.start());
        data.put("phrase3", switch (period) {
            case MORNING -> "上午";
            case AFTERNOON -> "下午";
            case EVENING -> "晚上";
        });
        data.put("thing4", note);
        return data;
    }
}
