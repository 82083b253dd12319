package com.yihuiliao.command.rules;

import com.yihuiliao.api.rules.BookingRules;
import com.yihuiliao.api.rules.BookingRulesSet;
import com.yihuiliao.command.lookup.Lookups;
import java.time.LocalTime;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The rules in force per scope, written in the transaction that set them, so publishing a
 * schedule right after a change already uses the new rules.
 */
@Component
@ProcessingGroup(Lookups.GROUP)
public class RulesInForce {

    private final JdbcTemplate jdbc;

    RulesInForce(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BookingRulesSet event) {
        BookingRules r = event.rules();
        int updated = jdbc.update("UPDATE booking_rules SET days_ahead = ?, release_time = ?, stop_minutes_before = ?, "
                        + "cancel_minutes_before = ? WHERE scope = ?", r.daysAhead(), r.releaseTime().toString(),
                r.stopMinutesBefore(), r.cancelMinutesBefore(), event.scope());
        if (updated == 0) {
            jdbc.update("INSERT INTO booking_rules (scope, days_ahead, release_time, stop_minutes_before, "
                            + "cancel_minutes_before) VALUES (?, ?, ?, ?, ?)", event.scope(), r.daysAhead(),
                    r.releaseTime().toString(), r.stopMinutesBefore(), r.cancelMinutesBefore());
        }
    }

    /** A department's own rules, else the hospital's, else the built-in defaults. */
    public BookingRules forDepartment(String departmentId) {
        BookingRules own = find(departmentId);
        if (own != null) {
            return own;
        }
        BookingRules hospital = find(BookingRules.HOSPITAL);
        return hospital != null ? hospital : BookingRules.hospitalDefault();
    }

    public BookingRules find(String scope) {
        List<BookingRules> found = jdbc.query("SELECT days_ahead, release_time, stop_minutes_before, "
                        + "cancel_minutes_before FROM booking_rules WHERE scope = ?",
                (rs, i) -> new BookingRules(rs.getInt(1), LocalTime.parse(rs.getString(2)), rs.getInt(3), rs.getInt(4)),
                scope);
        return found.isEmpty() ? null : found.get(0);
    }
}
