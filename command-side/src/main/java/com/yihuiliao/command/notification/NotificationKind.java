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
    /** 体检预约成功: an exam booking was paid. */
    EXAM_BOOKED,
    /** A paid exam booking was cancelled (by the patient or the hospital); its fee goes back to the channel. */
    EXAM_CANCELLED,
    /** The evening before the exam, of a booking still paid. */
    EXAM_DAY_BEFORE,
    /** 叫号: the patient's number was called. */
    PATIENT_CALLED,
}
