package com.yihuiliao.command.appointment;

import com.yihuiliao.api.appointment.AppointmentStatus;

/** The appointment's answer to {@link RepeatWalkIn}: where it stands, the order that paid it (null if free), its fee. */
public record WalkInBooked(AppointmentStatus status, String paidBy, long feeFen) {
}
