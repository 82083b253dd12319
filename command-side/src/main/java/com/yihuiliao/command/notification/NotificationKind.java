package com.yihuiliao.command.notification;

/**
 * What a notification is about; each has its WeChat template ({@code yihuiliao.notifications.templates.<KIND>}).
 * A new kind (a waitlist offer, a penalty, a low inpatient deposit) is a constant here, its template id, and the
 * event handler that calls {@link Notifications#notify}.
 */
public enum NotificationKind {
    APPOINTMENT_CONFIRMED,
    PAYMENT_DUE,
    DAY_BEFORE,
    HOUR_BEFORE,
    APPOINTMENT_SUSPENDED,
    REFUND_COMPLETED,
    PENALTY_APPLIED,
    LOW_INPATIENT_DEPOSIT,
    /** 叫号: the patient's number was called. */
    PATIENT_CALLED
}
