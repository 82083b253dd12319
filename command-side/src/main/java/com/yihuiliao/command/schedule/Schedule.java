package com.yihuiliao.command.schedule;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ProblemMessage;
import com.yihuiliao.api.schedule.AddCapacity;
import com.yihuiliao.api.schedule.BookingWindow;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.schedule.BookingWindowChanged;
import com.yihuiliao.api.schedule.CancelSchedule;
import com.yihuiliao.api.schedule.CapacityAdded;
import com.yihuiliao.api.schedule.CapacityReduced;
import com.yihuiliao.api.schedule.ChangeBookingWindow;
import com.yihuiliao.api.schedule.EditSchedule;
import com.yihuiliao.api.schedule.EditedSchedule;
import com.yihuiliao.api.schedule.Period;
import com.yihuiliao.api.schedule.PublishSchedule;
import com.yihuiliao.api.schedule.ReleaseSlot;
import com.yihuiliao.api.schedule.ScheduleCancelled;
import com.yihuiliao.api.schedule.ScheduleFeeChanged;
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
 * per patient, no holds outside the booking window or once suspended or cancelled. Capacity goes
 * down only to the slots held; a schedule is cancelled only while nobody holds a slot.
 */
@Aggregate(cache = "scheduleCache", snapshotTriggerDefinition = "scheduleSnapshotTrigger")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Schedule {

    static final long MAX_FEE_FEN = 10_000_000;

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
    private boolean cancelled;
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
        requireEditable();
        addCapacity(cmd.additional());
    }

    /** Fee and capacity in one decision: both are checked before either changes. */
    @CommandHandler
    public EditedSchedule handle(EditSchedule cmd) {
        if (cmd.feeFen() != null && (cmd.feeFen() < 0 || cmd.feeFen() > MAX_FEE_FEN)) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_FEE);
        }
        if (cmd.capacity() != null && cmd.capacity() < 1) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_CAPACITY, "A schedule needs at least one slot.");
        }
        requireEditable();
        if (cmd.capacity() != null && cmd.capacity() < holds.size()) {
            throw new BusinessRuleViolation(ErrorCode.CAPACITY_BELOW_HELD, ProblemMessage.of("schedule.capacity-below-held",
                    "held", holds.size(), "capacity", cmd.capacity()));
        }
        if (cmd.feeFen() != null && cmd.feeFen() != feeFen) {
            apply(new ScheduleFeeChanged(scheduleId, feeFen, cmd.feeFen()));
        }
        if (cmd.capacity() != null && cmd.capacity() > capacity) {
            addCapacity(cmd.capacity() - capacity);
        } else if (cmd.capacity() != null && cmd.capacity() < capacity) {
            int removed = capacity - cmd.capacity();
            apply(new CapacityReduced(scheduleId, removed, cmd.capacity(), cmd.capacity() - holds.size()));
        }
        return new EditedSchedule(scheduleId, capacity, remaining(), feeFen);
    }

    /** Only a schedule nobody holds a slot on: suspension (停诊) is what cancels bookings. */
    @CommandHandler
    public void handle(CancelSchedule cmd) {
        if (cancelled) {
            return; // cancelling repeats
        }
        if (!holds.isEmpty()) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_IN_USE, holds.size() + (holds.size() == 1
                    ? " slot is" : " slots are") + " held on this schedule; suspend it (停诊) to cancel those "
                    + "appointments, or wait until they are released.");
        }
        apply(new ScheduleCancelled(scheduleId, doctorId, date, period, cmd.reason()));
    }

    private void requireEditable() {
        if (cancelled) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_CANCELLED);
        }
        if (suspended) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_SUSPENDED);
        }
    }

    private void addCapacity(int additional) {
        int newCapacity = capacity + additional;
        apply(new CapacityAdded(scheduleId, additional, newCapacity, newCapacity - holds.size()));
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
        if (cancelled) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_CANCELLED);
        }
        if (suspended) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_SUSPENDED);
        }
        if (!window.isOpenAt(now)) {
            throw new BusinessRuleViolation(ErrorCode.BOOKING_NOT_OPEN,
                    ProblemMessage.of("booking.not-open", "opensAt", window.opensAt()));
        }
        if (cmd.atCounter() ? !now.isBefore(sessionEnd()) : window.isClosedAt(now)) {
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
        if (cancelled) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_CANCELLED);
        }
        if (suspended) {
            return;
        }
        apply(new ScheduleSuspended(scheduleId, cmd.reason(), new ArrayList<>(holds.keySet())));
    }

    @CommandHandler
    public void handle(ChangeBookingWindow cmd) {
        if (!cancelled && !cmd.window().equals(window)) { // a cancelled schedule is never booked: nothing to re-time
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

    private Instant sessionEnd() {
        return date.atTime(period.end()).atZone(Clocks.HOSPITAL_ZONE).toInstant();
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
    void on(CapacityReduced event) {
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(ScheduleFeeChanged event) {
        feeFen = event.feeFen();
    }

    @EventSourcingHandler
    void on(ScheduleCancelled event) {
        cancelled = true;
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
