package com.yihuiliao.command.appointment;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.schedule.SlotReleased;
import com.yihuiliao.command.lookup.Lookups;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Set-based validation of "at most N live appointments per patient per visit date": a lookup
 * row written in the booking's own transaction, never a query of a read model.
 */
@Component
@ProcessingGroup(Lookups.GROUP)
public class DailyBookingLimit {

    private final JdbcTemplate jdbc;

    DailyBookingLimit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void take(String patientId, LocalDate date, int limit) {
        // make sure the row exists first (an upsert takes the row lock without a gap lock), then
        // increment it only while below the limit
        jdbc.update("INSERT INTO patient_daily_booking (patient_id, visit_date, booked) VALUES (?, ?, 0) "
                + "ON DUPLICATE KEY UPDATE booked = booked", patientId, date);
        int taken = jdbc.update("UPDATE patient_daily_booking SET booked = booked + 1 "
                + "WHERE patient_id = ? AND visit_date = ? AND booked < ?", patientId, date, limit);
        if (taken == 0) {
            throw new BusinessRuleViolation(ErrorCode.DAILY_LIMIT_REACHED,
                    ProblemMessage.of("booking.daily-limit", "limit", limit));
        }
    }

    @EventHandler
    void on(SlotReleased event) {
        jdbc.update("UPDATE patient_daily_booking SET booked = booked - 1 "
                + "WHERE patient_id = ? AND visit_date = ? AND booked > 0", event.patientId(), event.date());
    }
}
