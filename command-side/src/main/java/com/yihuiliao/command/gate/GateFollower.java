package com.yihuiliao.command.gate;

import com.yihuiliao.api.schedule.CapacityAdded;
import com.yihuiliao.api.schedule.CapacityReduced;
import com.yihuiliao.api.schedule.ScheduleCancelled;
import com.yihuiliao.api.schedule.SchedulePublished;
import com.yihuiliao.api.schedule.ScheduleSuspended;
import com.yihuiliao.api.schedule.SlotReleased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Keeps the gate in step with the changes that open or remove slots. Bookings are not followed:
 * each admitted booking already took its token. Sequence numbers make every change apply once.
 */
@Component
@ProcessingGroup("admission-gate")
class GateFollower {

    private final AdmissionGate gate;

    GateFollower(AdmissionGate gate) {
        this.gate = gate;
    }

    @EventHandler
    void on(SchedulePublished event, @SequenceNumber long sequence) {
        gate.seed(event.scheduleId(), event.capacity(), sequence);
    }

    @EventHandler
    void on(CapacityAdded event, @SequenceNumber long sequence) {
        gate.adjust(event.scheduleId(), event.added(), sequence);
    }

    /** Tokens go as the slots do; bookings in flight with a token are decided by the aggregate. */
    @EventHandler
    void on(CapacityReduced event, @SequenceNumber long sequence) {
        gate.adjust(event.scheduleId(), -event.removed(), sequence);
    }

    @EventHandler
    void on(SlotReleased event, @SequenceNumber long sequence) {
        gate.adjust(event.scheduleId(), 1, sequence);
    }

    /** A suspended schedule leaves the gate, so patients hear "suspended" from the schedule, not "full". */
    @EventHandler
    void on(ScheduleSuspended event) {
        gate.forget(event.scheduleId());
    }

    /** Like a suspended one: bookings hear "cancelled" from the schedule itself. */
    @EventHandler
    void on(ScheduleCancelled event) {
        gate.forget(event.scheduleId());
    }
}
