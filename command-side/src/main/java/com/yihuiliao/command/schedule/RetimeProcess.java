package com.yihuiliao.command.schedule;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.rules.BookingRules;
import com.yihuiliao.api.rules.BookingRulesSet;
import com.yihuiliao.api.schedule.ChangeBookingWindow;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.command.rules.RulesInForce;
import java.time.LocalDate;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * A change of rules re-times the booking windows of the schedules still to come in its scope,
 * each recorded as an event on the schedule, so a replay shows the window that was in force. The schedules
 * follow the rules, so this lives with them: the rules never depend on the schedules.
 */
@Component
@ProcessingGroup("booking-process")
@DisallowReplay
class RetimeProcess {

    private final ScheduleRegistry registry;
    private final RulesInForce rules;
    private final CommandGateway commands;

    RetimeProcess(ScheduleRegistry registry, RulesInForce rules, CommandGateway commands) {
        this.registry = registry;
        this.rules = rules;
        this.commands = commands;
    }

    @EventHandler
    void on(BookingRulesSet event, @Timestamp java.time.Instant at) {
        LocalDate today = LocalDate.ofInstant(at, Clocks.HOSPITAL_ZONE);
        String department = BookingRules.HOSPITAL.equals(event.scope()) ? null : event.scope();
        for (ScheduleRegistry.Entry schedule : registry.from(today, department)) {
            BookingRules inForce = rules.forDepartment(schedule.departmentId());
            commands.sendAndWait(new ChangeBookingWindow(schedule.scheduleId(),
                    inForce.windowFor(schedule.date(), Period.valueOf(schedule.period()))));
        }
    }
}
