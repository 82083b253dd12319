package com.yihuiliao.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.payment.CloseReason;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.refund.RefundFailed;
import com.yihuiliao.api.refund.RefundFailure;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundSucceeded;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Revision-1 events carried English sentences made by our code as reasons; revision 2 carries codes, their
 * data and a person's note. These read the old events as revision 2 — the one place that knows the old
 * sentences. A sentence we do not recognise is kept as the note (or detail) under {@code OTHER}, so nothing
 * is lost. Only reasons change: every amount, number and date is read as stored. Axon registers every
 * {@link EventUpcaster} bean with the event store.
 */
@Configuration
class ReasonUpcasters {

    private static final Map<String, RefundReason> REFUND_REASONS = Map.of(
            "late payment: payment arrived after the hold expired", RefundReason.LATE_AFTER_EXPIRY,
            "late payment: payment arrived after the appointment was cancelled", RefundReason.LATE_AFTER_CANCELLATION,
            "late payment: the appointment was already paid by another payment", RefundReason.LATE_ALREADY_PAID,
            "late payment: the bill was already paid by another payment", RefundReason.BILL_LATE_ALREADY_PAID,
            "late payment: the bill was voided", RefundReason.BILL_LATE_VOIDED,
            "余额退款", RefundReason.WITHDRAWAL,
            "appointment cancelled", RefundReason.APPOINTMENT_CANCELLED);
    private static final String CANCELLED_PREFIX = "appointment cancelled: ";
    private static final Map<String, CloseReason> CLOSE_REASONS = Map.of(
            "hold expired", CloseReason.HOLD_EXPIRED,
            "unpaid: the order expired", CloseReason.ORDER_EXPIRED,
            "closed to pay from the balance", CloseReason.SWITCHED_TO_BALANCE,
            "paid from the balance instead", CloseReason.SWITCHED_TO_BALANCE);
    private static final String CLOSED_AT_WECHAT_PREFIX = "closed at WeChat Pay: ";
    private static final String REFUSED_PREFIX = "refused by WeChat Pay: ";
    private static final Pattern CREDITED = Pattern.compile("credited to the outpatient balance \\((-?\\d+) fen after\\)");
    private static final Pattern WECHAT_REFUND = Pattern.compile("WeChat Pay refund (\\S+) to (.*)", Pattern.DOTALL);

    @Bean
    EventUpcaster refundRequestedUpcaster() {
        return new ToRevision2(RefundRequested.class, ReasonUpcasters::refundRequested);
    }

    @Bean
    EventUpcaster refundSucceededUpcaster() {
        return new ToRevision2(RefundSucceeded.class, ReasonUpcasters::refundSucceeded);
    }

    @Bean
    EventUpcaster refundFailedUpcaster() {
        return new ToRevision2(RefundFailed.class, ReasonUpcasters::refundFailed);
    }

    @Bean
    EventUpcaster paymentClosedUpcaster() {
        return new ToRevision2(PaymentClosed.class, ReasonUpcasters::paymentClosed);
    }

    @Bean
    EventUpcaster appointmentCancelledUpcaster() {
        return new ToRevision2(AppointmentCancelled.class, ReasonUpcasters::appointmentCancelled);
    }

    /** All of them, in the order a chain applies them (for tests outside Spring). */
    static List<EventUpcaster> all() {
        ReasonUpcasters upcasters = new ReasonUpcasters();
        return List.of(upcasters.refundRequestedUpcaster(), upcasters.refundSucceededUpcaster(),
                upcasters.refundFailedUpcaster(), upcasters.paymentClosedUpcaster(),
                upcasters.appointmentCancelledUpcaster());
    }

    static void refundRequested(ObjectNode event) {
        String sentence = text(event, "reason");
        String operator = text(event, "operator");
        RefundReason code = sentence == null ? null : REFUND_REASONS.get(sentence);
        String note = null;
        if (code == null && sentence != null && sentence.startsWith(CANCELLED_PREFIX)) {
            code = RefundReason.APPOINTMENT_CANCELLED;
            note = sentence.substring(CANCELLED_PREFIX.length());
        } else if (code == null) {
            // a staff member's refund carried their own words; the system made only the sentences above
            code = "system".equals(operator) ? RefundReason.OTHER : RefundReason.STAFF_REFUND;
            note = sentence;
        }
        event.put("reason", code.name());
        event.put("note", note);
    }

    static void refundSucceeded(ObjectNode event) {
        String sentence = text(event, "channelResult");
        event.remove("channelResult");
        Matcher credited = sentence == null ? null : CREDITED.matcher(sentence);
        Matcher weChat = sentence == null ? null : WECHAT_REFUND.matcher(sentence);
        if (credited != null && credited.matches()) {
            event.put("balanceAfterFen", Long.parseLong(credited.group(1)));
        } else if (weChat != null && weChat.matches()) {
            event.put("weChatRefundId", weChat.group(1));
            event.put("receivedBy", "null".equals(weChat.group(2)) ? null : weChat.group(2));
        } else {
            event.put("note", sentence);
        }
    }

    static void refundFailed(ObjectNode event) {
        String sentence = text(event, "reason");
        if ("closed by WeChat Pay".equals(sentence)) {
            event.put("reason", RefundFailure.CLOSED_BY_WECHAT.name());
            event.putNull("detail");
        } else if (sentence != null && sentence.startsWith(REFUSED_PREFIX)) {
            event.put("reason", RefundFailure.REFUSED_BY_WECHAT.name());
            event.put("detail", sentence.substring(REFUSED_PREFIX.length()));
        } else {
            event.put("reason", RefundFailure.OTHER.name());
            event.put("detail", sentence);
        }
    }

    static void paymentClosed(ObjectNode event) {
        String sentence = text(event, "reason");
        CloseReason code = sentence == null ? null : CLOSE_REASONS.get(sentence);
        if (code != null) {
            event.put("reason", code.name());
            event.putNull("detail");
        } else if (sentence != null && sentence.startsWith(CLOSED_AT_WECHAT_PREFIX)) {
            event.put("reason", CloseReason.CLOSED_AT_WECHAT.name());
            event.put("detail", sentence.substring(CLOSED_AT_WECHAT_PREFIX.length()));
        } else {
            event.put("reason", CloseReason.OTHER.name());
            event.put("detail", sentence);
        }
    }

    static void appointmentCancelled(ObjectNode event) {
        // the patient's cancellation without a reason was stored as this sentence: it is no reason
        if ("PATIENT".equals(text(event, "by")) && "Cancelled by the patient".equals(text(event, "reason"))) {
            event.putNull("reason");
        }
    }

    private static String text(ObjectNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Upcasts one event type's revision-1 (unrevisioned) JSON to revision 2 in place. */
    private static final class ToRevision2 extends SingleEventUpcaster {
        private final SimpleSerializedType from;
        private final SimpleSerializedType to;
        private final Consumer<ObjectNode> change;

        ToRevision2(Class<?> type, Consumer<ObjectNode> change) {
            this.from = new SimpleSerializedType(type.getName(), null);
            this.to = new SimpleSerializedType(type.getName(), "2");
            this.change = change;
        }

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return representation.getType().equals(from);
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(to, JsonNode.class, node -> {
                change.accept((ObjectNode) node);
                return node;
            });
        }
    }
}
