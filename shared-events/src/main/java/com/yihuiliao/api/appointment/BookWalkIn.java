package com.yihuiliao.api.appointment;

import com.yihuiliao.api.Command;

/**
 * A walk-in registration at the window (现场挂号): staff book a slot for a patient standing at the
 * counter, who pays there. The same booking path as the mini-program's (capacity, one hold per
 * patient, the daily limit), confirmed at once by a payment on channel COUNTER. Answers
 * {@link RegisteredWalkIn}.
 *
 * @param appointmentId follows from the receipt number, so a retried request books once
 * @param receiptNo     the cashier's receipt number: the counter payment's transaction
 * @param amountFen     what the cashier took; must be the schedule's fee
 * @param operator      the staff member at the counter
 */
public record BookWalkIn(String scheduleId, String appointmentId, String patientId, String receiptNo, long amountFen,
                         String operator) implements Command {
}
