package com.yihuiliao.api.appointment;

import java.time.Instant;

/**
 * One step of an appointment's history.
 *
 * @param by      who made the change; null where the event does not say (a confirmation: by a payment, or staff)
 * @param reason  the data of the step, in no language of ours: the words of whoever cancelled, the payment
 *                reference of a confirmation; null for a hold or an expiry
 * @param summary the step as a person reads it, in the caller's language (Chinese, or English on
 *                {@code Accept-Language: en}); set by the query API
 */
public record StatusChange(AppointmentStatus status, Instant at, ChangedBy by, String reason, String summary) {

    public StatusChange withSummary(String text) {
        return new StatusChange(status, at, by, reason, text);
    }
}
