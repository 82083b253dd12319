package com.yihuiliao.api.audit;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One event of an aggregate's history, as read from the event store.
 *
 * @param type     the event's type, e.g. {@code PaymentSucceeded}
 * @param sequence its place in the aggregate's history, from 0
 * @param at       when it was stored, in Asia/Shanghai (+08:00)
 * @param actor    who did it ({@code UNKNOWN} for events stored before actors were recorded)
 * @param fields   its key fields: amounts in fen, statuses, reason codes, ids and times — never free text or
 *                 personal data
 */
public record TimelineEntry(String type, long sequence, OffsetDateTime at, Actor actor, Map<String, Object> fields) {
}
