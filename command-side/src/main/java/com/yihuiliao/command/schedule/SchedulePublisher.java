package com.yihuiliao.command.schedule;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.schedule.BookingWindow;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.api.schedule.PublishSchedule;
import com.yihuiliao.command.catalogue.Catalogue;
import com.yihuiliao.command.catalogue.Doctor;
import com.yihuiliao.command.rules.RulesInForce;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;

/** Publishes a doctor's schedule with the booking window of the rules in force for its department. */
@Service
public class SchedulePublisher {

    /** A published schedule: its id and booking window. */
    public record Published(String scheduleId, BookingWindow window) {
    }

    private final CommandGateway commands;
    private final Catalogue catalogue;
    private final RulesInForce rules;

    SchedulePublisher(CommandGateway commands, Catalogue catalogue, RulesInForce rules) {
        this.commands = commands;
        this.catalogue = catalogue;
        this.rules = rules;
    }

    /** feeFen null means the doctor's registration fee. */
    public Published publish(String doctorId, LocalDate date, Period period, int capacity, Long feeFen) {
        return publish(UUID.randomUUID().toString(), doctorId, date, period, capacity, feeFen);
    }

    /** Under a schedule id of the caller's choosing (a template's, which follows from doctor, date and period). */
    public Published publish(String scheduleId, String doctorId, LocalDate date, Period period, int capacity,
                             Long feeFen) {
        LocalDate today = LocalDate.now(Clocks.HOSPITAL_ZONE);
        if (date.isBefore(today) || date.isAfter(today.plusYears(1))) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "A schedule's date must be between today and one year ahead.");
        }
        Doctor doctor = catalogue.doctor(doctorId);
        BookingWindow window = rules.forDepartment(doctor.getDepartmentId()).windowFor(date, period);
        long fee = feeFen != null ? feeFen : doctor.getFeeFen();
        commands.sendAndWait(new PublishSchedule(scheduleId, doctor.getId(), doctor.getDepartmentId(), date, period,
                capacity, fee, window));
        return new Published(scheduleId, window);
    }
}
