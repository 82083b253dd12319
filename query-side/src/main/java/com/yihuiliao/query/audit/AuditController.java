package com.yihuiliao.query.audit;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.PaymentId;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.audit.AccountBalanceAsOf;
import com.yihuiliao.api.audit.Actor;
import com.yihuiliao.api.audit.BillStateAsOf;
import com.yihuiliao.api.audit.PaymentStateAsOf;
import com.yihuiliao.api.audit.TimelineEntry;
import com.yihuiliao.query.PatientOwnership;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Audit reads from the event store itself ({@link EventHistory}), not from a read model: an aggregate's timeline
 * (every event with its time in Shanghai, its actor and its key fields) and states as of a past instant. Staff read
 * any; a patient reads the timeline of their own patients' appointments and payments, without who on the staff
 * acted.
 */
@RestController
@Validated
@Tag(name = "Audit", description = "Timelines and states as of an instant, from the event store (auditors; patients their own timelines)")
class AuditController {

    private static final String AT = "An instant in the past, ISO-8601 (2026-11-24T02:00:00Z or 2026-11-24T10:00:00+08:00)";
    private static final String KIND = "appointment, payment, refund, top-up, bill or account";

    private final EventHistory history;
    private final PatientOwnership ownership;
    private final Clock clock;

    AuditController(EventHistory history, PatientOwnership ownership) {
        this.history = history;
        this.ownership = ownership;
        this.clock = Clock.systemUTC();
    }

    // --- staff ------------------------------------------------------------------------------------

    /** The whole ordered history of one aggregate: each event's type, sequence, Shanghai time, actor and key fields. */
    @GetMapping("/api/admin/timeline/{kind}/{id}")
    @Operation(summary = "An aggregate's event history, oldest first, with who did each step")
    ListPage<TimelineEntry> timeline(@Parameter(description = KIND) @PathVariable String kind,
                                     @Parameter(description = "The aggregate's id (an account's is patientId:KIND)")
                                     @PathVariable String id,
                                     @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                     @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return page(entries(history.of(AuditedKind.of(kind), id), false), cursor, size);
    }

    /** An account's balance at an instant, from its credits and debits stored up to it. */
    @GetMapping("/api/admin/as-of/account/{accountId}")
    @Operation(summary = "An account's balance as of a past instant, from its events")
    AccountBalanceAsOf accountAsOf(@Parameter(description = "patientId:OUTPATIENT or patientId:INPATIENT")
                                   @PathVariable String accountId,
                                   @Parameter(description = AT) @RequestParam String at) {
        Instant instant = past(at);
        return AsOf.account(accountId, history.of(AuditedKind.ACCOUNT, accountId), instant);
    }

    /** A payment's status, what was paid and what was refunded, as of an instant. */
    @GetMapping("/api/admin/as-of/payment/{outTradeNo}")
    @Operation(summary = "A payment's status, paid and refunded as of a past instant, from its events")
    PaymentStateAsOf paymentAsOf(@PathVariable @PaymentId String outTradeNo,
                                 @Parameter(description = AT) @RequestParam String at) {
        Instant instant = past(at);
        return AsOf.payment(outTradeNo, history.of(AuditedKind.PAYMENT, outTradeNo), instant);
    }

    /** A bill's status, what was paid and what its lines refunded, as of an instant. */
    @GetMapping("/api/admin/as-of/bill/{billId}")
    @Operation(summary = "A bill's status, paid and refunded as of a past instant, from its events")
    BillStateAsOf billAsOf(@PathVariable @ResourceId String billId,
                           @Parameter(description = AT) @RequestParam String at) {
        Instant instant = past(at);
        return AsOf.bill(billId, history.of(AuditedKind.BILL, billId), instant);
    }

    // --- patients ---------------------------------------------------------------------------------

    /** My patient's appointment, step by step; another account's appointment is unknown (404). */
    @GetMapping("/api/me/appointments/{appointmentId}/timeline")
    @Operation(summary = "My patient's appointment history, oldest first, with who did each step (staff unnamed)")
    ListPage<TimelineEntry> myAppointmentTimeline(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                                  @PathVariable @ResourceId String appointmentId,
                                                  @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                                  @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return page(mine(jwt, AuditedKind.APPOINTMENT, appointmentId), cursor, size);
    }

    /** My patient's payment, step by step; another account's payment is unknown (404). */
    @GetMapping("/api/me/payments/{outTradeNo}/timeline")
    @Operation(summary = "My patient's payment history, oldest first, with who did each step (staff unnamed)")
    ListPage<TimelineEntry> myPaymentTimeline(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                              @PathVariable @PaymentId String outTradeNo,
                                              @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                              @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return page(mine(jwt, AuditedKind.PAYMENT, outTradeNo), cursor, size);
    }

    // ----------------------------------------------------------------------------------------------

    private List<TimelineEntry> mine(Jwt caller, AuditedKind kind, String id) {
        List<DomainEventMessage<?>> events = history.of(kind, id);
        Object patientId = events.stream().map(event -> EventFields.of(event.getPayload()).get("patientId"))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        if (patientId == null || !ownership.isMine(caller, patientId.toString())) {
            throw new BusinessRuleViolation(kind.notFound);
        }
        return entries(events, true);
    }

    private static List<TimelineEntry> entries(List<DomainEventMessage<?>> events, boolean forPatient) {
        return events.stream().map(event -> {
            Actor actor = Actor.fromMetaData(event.getMetaData());
            return new TimelineEntry(event.getPayloadType().getSimpleName(), event.getSequenceNumber(),
                    OffsetDateTime.ofInstant(event.getTimestamp(), EventFields.SHANGHAI),
                    forPatient ? actor.seenByPatient() : actor, EventFields.of(event.getPayload()));
        }).toList();
    }

    private static ListPage<TimelineEntry> page(List<TimelineEntry> entries, String cursor, Integer size) {
        // an aggregate's history only grows at its end, so a position is a stable cursor
        return ListPage.slice("timeline", entries, cursor, ListPage.size(size));
    }

    private Instant past(String at) {
        Instant instant;
        try {
            instant = Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "at",
                    "Parameter 'at' must be an ISO-8601 instant like 2026-11-24T02:00:00Z.");
        }
        if (instant.isAfter(clock.instant())) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "at", "Parameter 'at' must not be in the future.");
        }
        return instant;
    }
}
