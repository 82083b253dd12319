package com.yihuiliao.command.schedule;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.schedule.AddCapacity;
import com.yihuiliao.api.schedule.BookingWindow;
import com.yihuiliao.api.schedule.BookingWindowChanged;
import com.yihuiliao.api.schedule.CapacityAdded;
import com.yihuiliao.api.schedule.ChangeBookingWindow;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.api.schedule.PublishSchedule;
import com.yihuiliao.api.schedule.ReleaseSlot;
import com.yihuiliao.api.schedule.ScheduleSuspended;
import com.yihuiliao.api.schedule.SchedulePublished;
import com.yihuiliao.api.schedule.SlotHeld;
import com.yihuiliao.api.schedule.SlotReleased;
import com.yihuiliao.api.schedule.SuspendSchedule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A doctor's session on one date (号源). Owns its slots: held never exceeds capacity, one hold
 * per patient, no holds outside the booking window or once suspended.
 */
@Aggregate(cache = "scheduleCache", snapshotTriggerDefinition = "scheduleSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Schedule {

    @AggregateIdentifier
    private String scheduleId;
    private String doctorId;
    private String departmentId;
    private LocalDate date;
    private Period period;
    private long feeFen;
    private int capacity;
    private BookingWindow window;
    private boolean suspended;
    /** appointment id → patient id of every live hold, in booking order. */
    private Map<String, String> holds = new LinkedHashMap<>();

    protected Schedule() {
        // for Axon
    }

    @CommandHandler
    public Schedule(PublishSchedule cmd) {
        if (cmd.capacity() < 1) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_CAPACITY, "A schedule needs at least one slot.");
        }
        apply(new SchedulePublished(cmd.scheduleId(), cmd.doctorId(), cmd.departmentId(), cmd.date(), cmd.period(),
                cmd.capacity(), cmd.feeFen(), cmd.window()));
    }

    @CommandHandler
    public void handle(AddCapacity cmd) {
        if (cmd.additional() < 1) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_CAPACITY, "Add at least one slot.");
        }
        if (suspended) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_SUSPENDED);
        }
        int newCapacity = capacity + cmd.additional();
        apply(new CapacityAdded(scheduleId, cmd.additional(), newCapacity, newCapacity - holds.size()));
    }

    /** Decides a booking; answers the slots left. Called by the booking handler, which opens the appointment. */
    @CommandHandler
    public SlotHeld handle(HoldSlot cmd) {
        String heldBy = holds.get(cmd.appointmentId());
        if (heldBy != null) {
            if (heldBy.equals(cmd.patientId())) {
                return held(cmd.appointmentId(), cmd.patientId(), remaining()); // a retried request: already held
            }
            throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT,
                    "This appointment id already holds a slot for another patient.");
        }
        Instant now = GenericEventMessage.clock.instant();
        if (suspended) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_SUSPENDED);
        }
        if (!window.isOpenAt(now)) {
            throw new BusinessRuleViolation(ErrorCode.BOOKING_NOT_OPEN,
                    "Booking for this schedule opens at " + window.opensAt() + ".");
        }
        if (window.isClosedAt(now)) {
            throw new BusinessRuleViolation(ErrorCode.BOOKING_CLOSED);
        }
        if (holds.containsValue(cmd.patientId())) {
            throw new BusinessRuleViolation(ErrorCode.ALREADY_HOLDS_SCHEDULE);
        }
        if (remaining() <= 0) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_FULL);
        }
        SlotHeld event = held(cmd.appointmentId(), cmd.patientId(), remaining() - 1);
        apply(event);
        return event;
    }

    @CommandHandler
    public void handle(ReleaseSlot cmd) {
        String patientId = holds.get(cmd.appointmentId());
        if (patientId == null) {
            return; // released already, or never held: releases repeat
        }
        apply(new SlotReleased(scheduleId, cmd.appointmentId(), patientId, date, cmd.reason(), remaining() + 1));
    }

    @CommandHandler
    public void handle(SuspendSchedule cmd) {
        if (suspended) {
            return;
        }
        apply(new ScheduleSuspended(scheduleId, cmd.reason(), new ArrayList<>(holds.keySet())));
    }

    @CommandHandler
    public void handle(ChangeBookingWindow cmd) {
        if (!cmd.window().equals(window)) {
            apply(new BookingWindowChanged(scheduleId, cmd.window()));
        }
    }

    private SlotHeld held(String appointmentId, String patientId, int remaining) {
        return new SlotHeld(scheduleId, appointmentId, patientId, doctorId, departmentId, date, period, feeFen,
                window.cancelUntil(), remaining);
    }

    private int remaining() {
        return capacity - holds.size();
    }

    @EventSourcingHandler
    void on(SchedulePublished event) {
        scheduleId = event.scheduleId();
        doctorId = event.doctorId();
        departmentId = event.departmentId();
        date = event.date();
        period = event.period();
        capacity = event.capacity();
        feeFen = event.feeFen();
        window = event.window();
    }

    @EventSourcingHandler
    void on(CapacityAdded event) {
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(SlotHeld event) {
        holds.put(event.appointmentId(), event.patientId());
    }

    @EventSourcingHandler
    void on(SlotReleased event) {
        holds.remove(event.appointmentId());
    }

    @EventSourcingHandler
    void on(ScheduleSuspended event) {
        suspended = true;
    }

    @EventSourcingHandler
    void on(BookingWindowChanged event) {
        window = event.window();
    }
}
