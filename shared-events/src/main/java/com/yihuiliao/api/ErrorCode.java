package com.yihuiliao.api;

/**
 * Stable error codes of the API. The code is what clients branch on; the status is the HTTP
 * status the web layer answers with; the title is the default text a person reads.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "The request is not valid."),
    MALFORMED_REQUEST(400, "The request body could not be read."),
    UNKNOWN_PARAMETER(400, "This endpoint does not take that query parameter."),
    INVALID_CURSOR(400, "The cursor is not one this list answered; read the list again from its first page."),
    INVALID_NAME(400, "A name may hold Chinese characters (with · for minority names), or Latin letters with spaces, hyphens, apostrophes and periods."),
    INVALID_TEXT(400, "The text holds characters that cannot be shown: control, invisible or direction-changing characters."),
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
    SCHEDULE_CANCELLED(409, "This schedule was cancelled."),
    SCHEDULE_IN_USE(409, "This schedule has bookings and cannot be cancelled; suspend it (停诊) instead, which cancels them."),
    CAPACITY_BELOW_HELD(409, "The capacity cannot be less than the slots already held."),
    INVALID_FEE(422, "A registration fee is 0 to 10,000,000 fen."),
    TEMPLATE_NOT_FOUND(404, "No such schedule template."),
    CANCEL_DEADLINE_PASSED(422, "The cancellation deadline has passed."),
    APPOINTMENT_NOT_CANCELLABLE(409, "This appointment can no longer be cancelled."),
    APPOINTMENT_NOT_CONFIRMABLE(409, "This appointment can no longer be confirmed."),
    INVALID_CAPACITY(422, "The capacity is not valid."),
    INVALID_RULES(422, "The booking rules are not valid."),
    IDEMPOTENCY_CONFLICT(409, "This request id was already used for a different request."),
    UNAUTHENTICATED(401, "Please log in."),
    TOKEN_INVALID(401, "The token is invalid or has expired; please log in again."),
    WECHAT_CODE_INVALID(401, "The WeChat login code is invalid or already used; call wx.login again."),
    BAD_CREDENTIALS(401, "Wrong username or password."),
    ACCOUNT_LOCKED(429, "Too many failed logins; the account is locked for a while."),
    ACCOUNT_DISABLED(403, "This account is disabled."),
    WECHAT_USER_BLOCKED(403, "WeChat refused this user's login."),
    FORBIDDEN(403, "Your role does not allow this."),
    PASSWORD_CHANGE_REQUIRED(403, "Please change your one-time password first (POST /api/staff/me/password)."),
    TOO_MANY_REQUESTS(429, "Too many requests; please wait a moment."),
    WECHAT_UNAVAILABLE(503, "WeChat login is unavailable right now; please try again."),
    WECHAT_PHONE_CODE_INVALID(400, "The phone-number code is invalid or already used; ask for the number again (getPhoneNumber)."),
    PASSWORD_TOO_WEAK(422, "The new password does not meet the password policy."),
    USERNAME_TAKEN(409, "This username is already taken."),
    STAFF_NOT_FOUND(404, "No such staff account."),
    PATIENT_NOT_FOUND(404, "No such patient."),
    PATIENT_LIMIT_REACHED(409, "This account already has the maximum number of patients."),
    PATIENT_ALREADY_ADDED(409, "This ID number is already one of this account's patients."),
    PATIENT_IN_USE(409, "This patient has appointments or payments in progress and cannot be removed."),
    INVALID_RESIDENT_ID(400, "The resident ID number is not valid."),
    INVALID_DOCUMENT(400, "The identity document is not valid: an unknown document type, or a number or nationality that does not follow its type's rule."),
    ANNOUNCEMENT_NOT_FOUND(404, "No such announcement."),
    SERVICE_BUSY(503, "The service is busy; try again shortly."),
    INSUFFICIENT_BALANCE(409, "The balance is not enough for this payment."),
    INVALID_AMOUNT(422, "The amount must be a positive number of fen."),
    PAYMENT_NOT_FOUND(404, "No such payment."),
    PAYMENT_AMOUNT_MISMATCH(409, "The amount paid is not the amount ordered."),
    PAYMENT_NOT_PAYABLE(409, "This payment can no longer be paid."),
    PAYMENT_ALREADY_PAID(409, "This payment is already paid and cannot be closed."),
    PAYMENT_NOT_REFUNDABLE(409, "This payment has not been paid, so nothing can be refunded."),
    REFUND_EXCEEDS_PAID(409, "The refund is more than what remains refundable of this payment."),
    REFUND_NOT_FOUND(404, "No such refund."),
    REFUND_ALREADY_FINAL(409, "This refund has already succeeded or failed."),
    REFUND_THROUGH_ITS_OWNER(409, "This payment is refunded through what it paid for: a bill by its lines, a top-up by a withdrawal."),
    INVALID_PAYMENT_ID(422, "An out_trade_no / out_refund_no has 6 to 32 characters of A-Z, a-z, 0-9, _ and -."),
    WECHATPAY_NOTIFICATION_REJECTED(401, "This notification is not a verified WeChat Pay notification."),
    WECHATPAY_UNAVAILABLE(503, "WeChat Pay is unavailable right now; please try again."),
    // --- bills (自助缴费) ---
    BILL_NOT_FOUND(404, "No such bill."),
    BILL_ITEM_NOT_FOUND(404, "No such line on this bill."),
    INVALID_BILL(422, "The bill is not valid: 1 to 50 lines, each quantity and unit price at least 1, total at most 100,000 yuan."),
    BILL_ALREADY_PAID(409, "This bill is already paid."),
    BILL_VOIDED(409, "This bill was voided and can no longer be paid."),
    BILL_NOT_VOIDABLE(409, "Only an unpaid bill can be voided."),
    BILL_NOT_REFUNDABLE(409, "This bill has not been paid, so nothing can be refunded."),
    BILL_REFUND_EXCEEDS_ITEM(422, "The refund is more than what remains refundable of this item."),
    BILL_REFUND_REQUEST_NOT_FOUND(404, "No such refund request on this bill."),
    BILL_REFUND_REQUEST_DECIDED(409, "This refund request was already decided the other way."),

    // --- top-ups and withdrawals (topup) ---
    TOPUP_AMOUNT_OUT_OF_RANGE(422, "A top-up is 0.01 to 50,000.00 yuan (1 to 5,000,000 fen)."),
    TOPUP_NOT_FOUND(404, "No such top-up."),
    TOPUP_NOT_CREDITED(409, "This top-up has not been paid and credited, so nothing of it can be refunded."),
    TOPUP_REFUND_EXCEEDS(409, "The refund is more than what remains refundable of this top-up."),
    TOPUP_REFUND_WINDOW_PASSED(422, "WeChat Pay refunds a payment within 365 days; this top-up is older."),
    WITHDRAWAL_EXCEEDS_BALANCE(422, "The withdrawal is more than the balance."),
    WITHDRAWAL_EXCEEDS_REFUNDABLE(422, "Only money topped up with WeChat Pay in the last 365 days can be withdrawn "
            + "online; money paid at the counter is withdrawn at the counter."),

    // e-invoices
    INVOICE_NOT_FOUND(404, "No such invoice."),
    INVOICE_CONFLICT(409, "This payment already has an invoice with other details."),
    OBJECT_STORAGE_UNAVAILABLE(503, "Invoice storage is unavailable right now; please try again."),

    // the integration API and what it pushes (reports, medical records)
    INTEGRATION_SIGNATURE_INVALID(401, "The request is not signed by a known integration client, or its signature does not match."),
    INTEGRATION_REQUEST_EXPIRED(401, "The request's timestamp is too far from the server's clock; sign it again with the current time."),
    INTEGRATION_REPLAYED(401, "This nonce was already used; a signed request is accepted once."),
    REPORT_NOT_FOUND(404, "No such report."),
    MEDICAL_RECORD_NOT_FOUND(404, "No such medical record."),
    NO_VISIT_TO_RECORD(409, "This appointment was cancelled or expired: there is no visit to record."),
    DOCUMENT_STORAGE_UNAVAILABLE(503, "Document storage is unavailable right now; please try again."),

    // notifications (消息)
    MESSAGE_NOT_FOUND(404, "No such message."),
    NOTIFICATION_NOT_PARKED(409, "This notification is not parked: only a parked notification can be retried."),

    // physical exams (体检)
    EXAM_PACKAGE_NOT_FOUND(404, "No such exam package."),
    EXAM_PACKAGE_NOT_SUITABLE(422, "This exam package does not suit this patient (sex or age)."),
    EXAM_DAY_FULL(409, "All places of this exam day are taken."),
    EXAM_DAY_NOT_OPEN(409, "Exams cannot be booked for this date."),
    EXAM_ALREADY_BOOKED(409, "This patient already has an exam booked on this day."),
    EXAM_BOOKING_NOT_FOUND(404, "No such exam booking."),
    EXAM_BOOKING_NOT_PAYABLE(409, "This exam booking can no longer be paid."),
    EXAM_BOOKING_NOT_CANCELLABLE(409, "This exam booking can no longer be cancelled."),
    EXAM_CANCEL_DEADLINE_PASSED(422, "The deadline for cancelling this exam booking has passed."),
    EXAM_ALREADY_CHECKED_IN(409, "This exam booking is checked in already."),
    EXAM_BOOKING_NOT_CHECKABLE(409, "Only a paid exam booking can be checked in."),
    EXAM_CHECK_IN_NOT_TODAY(422, "An exam booking is checked in on its exam day only."),

    // audit rebuilds of read models
    UNKNOWN_READ_MODEL(400, "No rebuildable read model of that name."),
    REBUILD_NOT_FOUND(404, "No such rebuild."),
    REBUILD_IN_PROGRESS(409, "A read-model rebuild is already running in the cluster; wait for it to finish."),

    // finance's exports run as jobs
    EXPORT_NOT_FOUND(404, "No such export."),
    EXPORT_STORAGE_UNAVAILABLE(503, "Export storage is unavailable right now; please try again."),

    // fairness: missed appointments and bans (信用)
    BOOKING_BANNED(422, "This person may not book online for a while: appointments were missed."),
    DEPARTMENT_DAILY_LIMIT_REACHED(409, "This patient already has the bookings allowed in this department on this day."),
    DOCTOR_DAILY_LIMIT_REACHED(409, "This patient already has the bookings allowed with this doctor on this day."),
    BAN_NOT_FOUND(404, "No such ban."),
    INVALID_PENALTY_RULES(422, "The penalty rules are not valid."),
    ALREADY_CHECKED_IN(409, "This appointment is checked in already."),
    APPOINTMENT_NOT_CHECKABLE(409, "Only a confirmed (paid) appointment can be checked in."),
    CHECK_IN_NOT_OPEN(422, "Check-in for this appointment has not opened yet."),
    CHECK_IN_CLOSED(422, "Check-in for this appointment has closed."),

    // the session's queue (取号 / 叫号)
    QUEUE_NOT_FOUND(404, "Nobody has checked in for this session yet."),
    QUEUE_ENTRY_NOT_FOUND(404, "This appointment is not in the session's queue."),
    QUEUE_CHANGED(409, "The queue moved on since you last saw it: reload it and call again."),
    QUEUE_EMPTY(409, "Nobody is waiting in this session's queue."),
    QUEUE_ENTRY_NOT_CALLED(409, "Only a called patient can be marked seen or passed."),
    QUEUE_ENTRY_NOT_PASSED(409, "Only a passed patient can rejoin the queue."),

    // inpatient care (住院)
    ADMISSION_NOT_FOUND(404, "No such admission."),
    ADMISSION_SETTLED(409, "This admission is settled: it takes no more fees."),
    DEPOSIT_LOCKED_BY_ADMISSION(409, "The inpatient deposit cannot be withdrawn while an admission is open: what remains "
            + "goes back at the discharge settlement."),

    // reconciliation with WeChat Pay's trade bill (对账)
    INVALID_BILL_DATE(400, "A bill date is a day (yyyy-MM-dd, Asia/Shanghai) from three months ago up to today."),
    RECONCILIATION_BILL_UNAVAILABLE(422, "WeChat Pay has no trade bill for this day (yet): it is ready after 10:00 the next day and kept three months."),
    RECONCILIATION_DAY_NOT_FOUND(404, "This day has not been reconciled yet."),
    RECONCILIATION_MISMATCH_NOT_FOUND(404, "No such reconciliation mismatch."),
    RECONCILIATION_MISMATCH_RESOLVED(409, "This mismatch was already resolved with another note.");

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
