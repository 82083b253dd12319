package com.yihuiliao.api;

/**
 * Stable error codes of the API. The code is what clients branch on; the status is the HTTP
 * status the web layer answers with; the title is the default text a person reads.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "The request is not valid."),
    MALFORMED_REQUEST(400, "The request body could not be read."),
    NOT_FOUND(404, "No such resource."),
    SCHEDULE_NOT_FOUND(404, "No such schedule."),
    APPOINTMENT_NOT_FOUND(404, "No such appointment."),
    DOCTOR_NOT_FOUND(404, "No such doctor."),
    DEPARTMENT_NOT_FOUND(404, "No such department."),
    SCHEDULE_ALREADY_EXISTS(409, "This doctor already has a schedule for that date and period."),
    SCHEDULE_FULL(409, "All slots of this schedule are taken."),
    ALREADY_HOLDS_SCHEDULE(409, "This patient already holds a slot on this schedule."),
    DAILY_LIMIT_REACHED(409, "This patient has reached the number of bookings allowed per day."),
    BOOKING_NOT_OPEN(422, "Booking for this schedule has not opened yet."),
    BOOKING_CLOSED(422, "Booking for this schedule has closed."),
    SCHEDULE_SUSPENDED(409, "This schedule has been suspended."),
    CANCEL_DEADLINE_PASSED(422, "The cancellation deadline has passed."),
    APPOINTMENT_NOT_CANCELLABLE(409, "This appointment can no longer be cancelled."),
    APPOINTMENT_NOT_CONFIRMABLE(409, "This appointment can no longer be confirmed."),
    INVALID_CAPACITY(422, "The capacity is not valid."),
    INVALID_RULES(422, "The booking rules are not valid."),
    IDEMPOTENCY_CONFLICT(409, "This request id was already used for a different request."),
    SERVICE_BUSY(503, "The service is busy; try again shortly.");

    private final int status;
    private final String title;

    ErrorCode(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
