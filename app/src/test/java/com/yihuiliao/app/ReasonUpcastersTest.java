package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.appointment.CancelledBy;
import com.yihuiliao.api.billing.BillingWording;
import com.yihuiliao.api.payment.CloseReason;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.refund.RefundFailed;
import com.yihuiliao.api.refund.RefundFailure;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundSucceeded;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Revision-1 events as they are stored (JSON, no revision) read as revision 2: codes, data, a person's note. */
class ReasonUpcastersTest {

    static final JacksonSerializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new AxonConfiguration().defaultAxonObjectMapper()).build();

    /** Reads one stored event through the given upcasters, as the event store does. */
    static Object read(EventUpcaster upcasters, Class<?> type, String revision, String json) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Aggregate", "a-1", 0,
                UUID.randomUUID().toString(), Instant.parse("2026-11-24T02:00:00Z").toString(), type.getName(),
                revision, json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), SERIALIZER,
                upcasters);
        return events.next().getPayload();
    }

    static Object read(Class<?> type, String json) {
        return read(new EventUpcasterChain(ReasonUpcasters.all()), type, null, json);
    }

    static RefundRequested refundRequested(String reason, String operator) {
        return (RefundRequested) read(RefundRequested.class, "{\"outRefundNo\":\"RC1\",\"outTradeNo\":\"RG1\","
                + "\"amountFen\":2500,\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"")
                + ",\"operator\":\"" + operator + "\",\"channel\":\"WECHAT\"}");
    }

    @Test
    void aCancellationsRefund_readsAsItsCodeAndTheCancellersWords_theMoneyAsStored() {
        assertThat(refundRequested("appointment cancelled: 医生外出会诊", "system")).isEqualTo(new RefundRequested("RC1",
                "RG1", 2_500, RefundReason.APPOINTMENT_CANCELLED, "医生外出会诊", "system", PaymentChannel.WECHAT));
        assertThat(refundRequested("appointment cancelled", "system").note()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "late payment: payment arrived after the hold expired, LATE_AFTER_EXPIRY",
            "late payment: payment arrived after the appointment was cancelled, LATE_AFTER_CANCELLATION",
            "late payment: the appointment was already paid by another payment, LATE_ALREADY_PAID",
            "late payment: the bill was already paid by another payment, BILL_LATE_ALREADY_PAID",
            "late payment: the bill was voided, BILL_LATE_VOIDED",
            "余额退款, WITHDRAWAL"})
    void theSystemsOwnRefundSentences_readAsTheirCodes_andReadInEnglishAsBefore(String sentence, RefundReason code) {
        RefundRequested upcast = refundRequested(sentence, "system");
        assertThat(upcast.reason()).isEqualTo(code);
        assertThat(upcast.note()).isNull();
        if (code != RefundReason.WITHDRAWAL) {
            assertThat(BillingWording.refundReason(upcast.reason(), upcast.note(), true)).isEqualTo(sentence);
        }
    }

    @Test
    void aStaffMembersWords_stayTheNote_andUnknownSystemTextIsKeptAsOther() {
        RefundRequested staff = refundRequested("多收费用", "finance-1");
        assertThat(staff.reason()).isEqualTo(RefundReason.STAFF_REFUND);
        assertThat(staff.note()).isEqualTo("多收费用");
        RefundRequested unknown = refundRequested("something else", "system");
        assertThat(unknown.reason()).isEqualTo(RefundReason.OTHER);
        assertThat(unknown.note()).isEqualTo("something else");
    }

    @Test
    void whatTheChannelSaid_readsAsData() {
        RefundSucceeded balance = (RefundSucceeded) read(RefundSucceeded.class, "{\"outRefundNo\":\"RC1\","
                + "\"outTradeNo\":\"RG1\",\"amountFen\":2500,"
                + "\"channelResult\":\"credited to the outpatient balance (20650 fen after)\"}");
        assertThat(balance).isEqualTo(new RefundSucceeded("RC1", "RG1", 2_500, 20_650L, null, null, null));
        RefundSucceeded weChat = (RefundSucceeded) read(RefundSucceeded.class, "{\"outRefundNo\":\"RC1\","
                + "\"outTradeNo\":\"RG1\",\"amountFen\":2500,"
                + "\"channelResult\":\"WeChat Pay refund 503000042 to 支付用户零钱\"}");
        assertThat(weChat).isEqualTo(new RefundSucceeded("RC1", "RG1", 2_500, null, "503000042", "支付用户零钱", null));
        assertThat(BillingWording.refundResult(20_650L, null, null, null, false)).isEqualTo("已退回门诊余额（退款后余额 206.50 元）");
    }

    @Test
    void refundFailures_readAsCodesWithWeChatsCode() {
        RefundFailed closed = (RefundFailed) read(RefundFailed.class, "{\"outRefundNo\":\"RF1\",\"outTradeNo\":\"RG1\","
                + "\"amountFen\":500,\"reason\":\"closed by WeChat Pay\"}");
        assertThat(closed).isEqualTo(new RefundFailed("RF1", "RG1", 500, RefundFailure.CLOSED_BY_WECHAT, null));
        RefundFailed refused = (RefundFailed) read(RefundFailed.class, "{\"outRefundNo\":\"RF1\",\"outTradeNo\":\"RG1\","
                + "\"amountFen\":500,\"reason\":\"refused by WeChat Pay: USER_ACCOUNT_ABNORMAL\"}");
        assertThat(refused).isEqualTo(new RefundFailed("RF1", "RG1", 500, RefundFailure.REFUSED_BY_WECHAT,
                "USER_ACCOUNT_ABNORMAL"));
    }

    @ParameterizedTest
    @CsvSource({
            "hold expired, HOLD_EXPIRED,",
            "unpaid: the order expired, ORDER_EXPIRED,",
            "closed to pay from the balance, SWITCHED_TO_BALANCE,",
            "paid from the balance instead, SWITCHED_TO_BALANCE,",
            "closed at WeChat Pay: REVOKED, CLOSED_AT_WECHAT, REVOKED",
            "superseded, OTHER, superseded"})
    void closeReasons_readAsCodes(String sentence, CloseReason code, String detail) {
        assertThat(read(PaymentClosed.class, "{\"outTradeNo\":\"RG1\",\"reason\":\"" + sentence + "\"}"))
                .isEqualTo(new PaymentClosed("RG1", code, detail));
    }

    @Test
    void aPatientsCancellationWithoutAReason_hasNoReason_givenWordsStay() {
        String old = "{\"appointmentId\":\"a1\",\"scheduleId\":\"s1\",\"patientId\":\"p1\",\"by\":\"PATIENT\","
                + "\"reason\":\"%s\",\"wasConfirmed\":true}";
        assertThat(read(AppointmentCancelled.class, old.formatted("Cancelled by the patient")))
                .isEqualTo(new AppointmentCancelled("a1", "s1", "p1", CancelledBy.PATIENT, null, true));
        assertThat(((AppointmentCancelled) read(AppointmentCancelled.class, old.formatted("改期了"))).reason())
                .isEqualTo("改期了");
    }

    @Test
    void revision2Events_areReadAsStored() {
        String json = "{\"outTradeNo\":\"RG1\",\"reason\":\"HOLD_EXPIRED\",\"detail\":null}";
        assertThat(read(new EventUpcasterChain(ReasonUpcasters.all()), PaymentClosed.class, "2", json))
                .isEqualTo(new PaymentClosed("RG1", CloseReason.HOLD_EXPIRED, null));
    }
}
