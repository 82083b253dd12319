package com.yihuiliao.command.appointment;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.appointment.AppointmentBookedResult;
import com.yihuiliao.command.gate.AdmissionGate;
import com.yihuiliao.command.gate.AdmissionGate.Admission;
import com.yihuiliao.command.gate.ScheduleBulkhead;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Every booking passes the admission gate and the schedule's bulkhead the same way, whoever books
 * (a patient online, staff at the counter), so the gate's counts stay true to the schedule.
 */
@Component
class GatedBooking {

    private final AdmissionGate gate;
    private final ScheduleBulkhead bulkhead;

    GatedBooking(AdmissionGate gate, ScheduleBulkhead bulkhead) {
        this.gate = gate;
        this.bulkhead = bulkhead;
    }

    /** Runs the booking command if the gate lets it through; the booking part of its answer keeps the gate in step. */
    <T> T book(String scheduleId, Supplier<T> booking, Function<T, AppointmentBookedResult> bookingOf) {
        // the gate first: a crowd refused at a full schedule costs no database work at all
        Admission admission = gate.admit(scheduleId);
        if (admission == Admission.FULL) {
            throw new BusinessRuleViolation(ErrorCode.SCHEDULE_FULL);
        }
        T answer;
        try {
            answer = bulkhead.run(scheduleId, booking);
        } catch (BusinessRuleViolation refused) {
            if (refused.code() == ErrorCode.SCHEDULE_FULL) {
                gate.markFull(scheduleId);
            } else if (admission == Admission.ADMITTED) {
                gate.giveBack(scheduleId);
            }
            throw refused;
        } catch (RuntimeException failed) {
            if (admission == Admission.ADMITTED) {
                gate.giveBack(scheduleId);
            }
            throw failed;
        }
        AppointmentBookedResult result = bookingOf.apply(answer);
        if (admission == Admission.UNKNOWN && result.scheduleVersion() >= 0) {
            gate.seed(scheduleId, result.remaining(), result.scheduleVersion());
        } else if (admission == Admission.ADMITTED && result.scheduleVersion() < 0) {
            gate.giveBack(scheduleId); // a retried request: it booked nothing new
        }
        return answer;
    }
}
