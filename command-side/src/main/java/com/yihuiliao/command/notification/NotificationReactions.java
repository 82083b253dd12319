package com.yihuiliao.command.notification;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.appointment.AppointmentBooked;
import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.AppointmentConfirmed;
import com.yihuiliao.api.appointment.AppointmentExpired;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.exam.ExamBooked;
import com.yihuiliao.api.exam.ExamBookingCancelled;
import com.yihuiliao.api.exam.ExamCheckInRecorded;
import com.yihuiliao.api.exam.ExamBookingExpired;
import com.yihuiliao.api.exam.ExamBookingPaid;
import com.yihuiliao.api.inpatient.LowDepositWarned;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.queue.PatientCalled;
import com.yihuiliao.api.refund.RefundSucceeded;
import com.yihuiliao.api.standing.OffenceKind;
import com.yihuiliao.api.standing.PersonBanned;
import com.yihuiliao.command.payment.PaymentOrder;
import com.yihuiliao.command.payment.PaymentOrders;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What gets told, from events (group {@code notification-process}): booking confirmed, payment due before the
 * hold expires, the day-before and hour-before reminders, 停诊 (a cancellation by the hospital, with the refund
 * when it was paid), a registration or exam refund completed, a ban for missed appointments, and of exam bookings:
 * paid (体检预约成功, with a reminder the evening before), a paid one cancelled. Each writes once ({@link Notifications#notify}), so a
 * redelivered event tells nobody twice; a side effect, never replayed.
 */
@Component
@ProcessingGroup(NotificationReactions.GROUP)
@DisallowReplay
class NotificationReactions {

    static final String GROUP = "notification-process";

    private final JdbcTemplate jdbc;
    private final Notifications notifications;
    private final Reminders reminders;
    private final NotificationSettings settings;
    private final PaymentOrders orders;

    NotificationReactions(JdbcTemplate jdbc, Notifications notifications, Reminders reminders,
                          NotificationSettings settings, PaymentOrders orders) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.reminders = reminders;
        this.settings = settings;
        this.orders = orders;
    }

    @EventHandler
    void on(AppointmentBooked event) {
        try {
            jdbc.update("INSERT INTO notification_appointment (appointment_id, patient_id, visit_date, period, hold_expires_at,"
                            + " status) VALUES (?, ?, ?, ?, ?, 'HELD')", event.appointmentId(), event.patientId(),
                    Date.valueOf(event.date()), event.period().name(),
                    event.holdExpiresAt() == null ? null : Timestamp.from(event.holdExpiresAt()));
        } catch (DuplicateKeyException e) {
            return; // seen already
        }
        if (event.holdExpiresAt() != null && event.feeFen() > 0) {
            reminders.schedule(event.appointmentId(), NotificationKind.PAYMENT_DUE,
                    event.holdExpiresAt().minus(settings.paymentDueBefore()));
        }
    }

    @EventHandler
    void on(AppointmentConfirmed event) {
        setStatus(event.appointmentId(), "CONFIRMED");
        reminders.appointment(event.appointmentId()).ifPresent(appointment -> {
            notifications.notify(NotificationKind.APPOINTMENT_CONFIRMED, event.appointmentId(), appointment.patientId(),
                    Reminders.appointmentData(event.appointmentId(), appointment.date(), appointment.period(), "预约成功，请按时就诊"));
            var start = Reminders.start(appointment.date(), appointment.period());
            reminders.schedule(event.appointmentId(), NotificationKind.DAY_BEFORE, start.minus(Reminders.DAY_BEFORE));
            reminders.schedule(event.appointmentId(), NotificationKind.HOUR_BEFORE, start.minus(Reminders.HOUR_BEFORE));
        });
    }

    @EventHandler
    void on(AppointmentExpired event) {
        setStatus(event.appointmentId(), "EXPIRED");
    }

    @EventHandler
    void on(AppointmentCancelled event) {
        setStatus(event.appointmentId(), "CANCELLED");
        if (event.by() != CancelledBy.HOSPITAL) {
            return;
        }
        reminders.appointment(event.appointmentId()).ifPresent(appointment -> notifications.notify(NotificationKind.APPOINTMENT_SUSPENDED,
                event.appointmentId(), appointment.patientId(), Reminders.appointmentData(event.appointmentId(),
                        appointment.date(), appointment.period(),
                        event.wasConfirmed() ? "医生停诊，挂号费将原路退回" : "医生停诊，预约已取消")));
    }

    @EventHandler
    void on(RefundSucceeded event) {
        Optional<PaymentOrder> order = orders.find(event.outTradeNo());
        if (order.isEmpty() || (order.get().purpose() != PaymentPurpose.REGISTRATION
                && order.get().purpose() != PaymentPurpose.EXAM)) {
            return; // top-ups, bills: their notices come later
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("character_string1", order.get().referenceId());
        data.put("amount2", String.format("%d.%02d元", event.amountFen() / 100, event.amountFen() % 100));
        data.put("thing3", order.get().purpose() == PaymentPurpose.EXAM ? "体检费退款已完成" : "挂号费退款已完成");
        notifications.notify(NotificationKind.REFUND_COMPLETED, event.outRefundNo(), order.get().patientId(), data);
    }

    /** The patient the ban came from is told until when online booking is closed to them (under every account). */
    @EventHandler
    void on(PersonBanned event) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("time1", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Clocks.HOSPITAL_ZONE).format(event.until()));
        data.put("number2", String.valueOf(event.counted()));
        data.put("thing3", event.kind() == OffenceKind.LATE_CANCELLATION ? "多次逾时取消，暂停在线预约" : "爽约，暂停在线预约");
        notifications.notify(NotificationKind.PENALTY_APPLIED, event.banId(), event.patientId(), data);
    }

    /**
     * 叫号: the called patient is told their number. Once per call — the subject is the call (the queue event's
     * sequence), so a rejoined patient called again is told again, a redelivered call never.
     */
    @EventHandler
    void on(PatientCalled event, @SequenceNumber long seq) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("character_string1", String.valueOf(event.number()));
        data.put("thing2", "请到诊室就诊");
        String subject = UUID.nameUUIDFromBytes((event.appointmentId() + ":" + seq).getBytes(StandardCharsets.UTF_8))
                .toString();
        notifications.notify(NotificationKind.PATIENT_CALLED, subject, event.patientId(), data);
    }

    private void setStatus(String appointmentId, String status) {
        jdbc.update("UPDATE notification_appointment SET status = ? WHERE appointment_id = ?", status, appointmentId);
    }

    /** Once per crossing: the subject is the admission and the warning's number. */
    @EventHandler
    void on(LowDepositWarned event) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("character_string1", event.admissionId());
        data.put("amount2", yuan(event.remainingFen()));
        data.put("amount3", yuan(event.thresholdFen()));
        data.put("thing4", event.remainingFen() < 0 ? "住院费用已超出押金，请及时补缴" : "住院押金余额不足，请及时补缴");
        notifications.notify(NotificationKind.LOW_INPATIENT_DEPOSIT, event.admissionId() + ":" + event.warning(),
                event.patientId(), data);
    }

    // --- exam bookings (体检) ---------------------------------------------------------------------

    @EventHandler
    void on(ExamBooked event) {
        try {
            jdbc.update("INSERT INTO notification_exam (booking_id, patient_id, booking_number, exam_date, check_in_time,"
                            + " check_in_place, status) VALUES (?, ?, ?, ?, ?, ?, 'HELD')", event.bookingId(),
                    event.patientId(), event.bookingNumber(), Date.valueOf(event.date()), event.checkInTime(),
                    event.checkInPlace());
        } catch (DuplicateKeyException e) {
            // seen already
        }
    }

    /** 体检预约成功, and the reminder the evening before. */
    @EventHandler
    void on(ExamBookingPaid event) {
        jdbc.update("UPDATE notification_exam SET status = 'PAID' WHERE booking_id = ?", event.bookingId());
        reminders.exam(event.bookingId()).ifPresent(exam -> {
            notifications.notify(NotificationKind.EXAM_BOOKED, event.bookingId(), exam.patientId(),
                    Reminders.examData(exam, "体检预约成功，请按体检须知准备"));
            reminders.schedule(event.bookingId(), NotificationKind.EXAM_DAY_BEFORE, Reminders.examReminderAt(exam.date()));
        });
    }

    @EventHandler
    void on(ExamCheckInRecorded event) {
        jdbc.update("UPDATE notification_exam SET status = 'CHECKED_IN' WHERE booking_id = ?", event.bookingId());
    }

    /** A paid booking's cancellation is news: its fee goes back (the refund's own notice follows when it is made). */
    @EventHandler
    void on(ExamBookingCancelled event) {
        jdbc.update("UPDATE notification_exam SET status = 'CANCELLED' WHERE booking_id = ?", event.bookingId());
        if (event.paymentReference() == null) {
            return;
        }
        reminders.exam(event.bookingId()).ifPresent(exam -> notifications.notify(NotificationKind.EXAM_CANCELLED,
                event.bookingId(), exam.patientId(), Reminders.examData(exam, event.cancelledBy() == CancelledBy.HOSPITAL
                        ? "医院已取消体检预约，费用将原路退回" : "体检预约已取消，费用将原路退回")));
    }

    @EventHandler
    void on(ExamBookingExpired event) {
        jdbc.update("UPDATE notification_exam SET status = 'EXPIRED' WHERE booking_id = ?", event.bookingId());
    }

    private static String yuan(long fen) {
        String sign = fen < 0 ? "-" : "";
        long abs = Math.abs(fen);
        return String.format("%s%d.%02d元", sign, abs / 100, abs % 100);
    }
}
