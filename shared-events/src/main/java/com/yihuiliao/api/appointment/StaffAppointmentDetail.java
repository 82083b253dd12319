package com.yihuiliao.api.appointment;

import java.util.List;

/**
 * Staff's view of one appointment: the appointment (with the patient masked), the payment that confirmed it
 * ({@code paymentReference}, the out_trade_no when paid here; null until confirmed), every registration-fee
 * payment opened for it, and its status history with who changed it and why.
 */
public record StaffAppointmentDetail(StaffAppointmentSummary appointment, String paymentReference,
                                     List<AppointmentPayment> payments, List<StatusChange> history) {
}
