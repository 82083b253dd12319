package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundRequested;
import com.yihuiliao.api.refund.RefundSucceeded;
import com.yihuiliao.projection.billing.BillingProjection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** The booted application reads stored revision-1 events through the reason upcasters (Axon registers the beans). */
class ReasonUpcastersIT extends IntegrationTest {

    @Autowired
    Configuration axon;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @LocalServerPort
    int port;

    @Test
    void theEventStoresUpcasterChain_readsOldRefundSentencesAsCodes() {
        Object read = ReasonUpcastersTest.read(axon.upcasterChain(), RefundRequested.class, null,
                "{\"outRefundNo\":\"RC1\",\"outTradeNo\":\"RG1\",\"amountFen\":2500,"
                        + "\"reason\":\"appointment cancelled: 改期\",\"operator\":\"system\",\"channel\":\"BALANCE\"}");
        assertThat(read).isEqualTo(new RefundRequested("RC1", "RG1", 2_500, RefundReason.APPOINTMENT_CANCELLED, "改期",
                "system", PaymentChannel.BALANCE));
    }

    /** An event as revision 1 stored it: no revision, the JSON of then (dated long before the other tests' records). */
    void storeOld(String type, String aggregateId, long sequence, Class<?> payloadType, String json) {
        jdbc.update("INSERT INTO domain_event_entry (sequence_number, aggregate_identifier, event_identifier, "
                        + "payload_revision, payload_type, time_stamp, type, meta_data, payload) "
                        + "VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)", sequence, aggregateId, UUID.randomUUID().toString(),
                payloadType.getName(), "2020-01-06T02:00:0" + sequence + "Z", type,
                "{}".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode payment(String outTradeNo, String language) throws Exception {
        Api admin = new Api(port).admin();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/admin/payments/" + outTradeNo)).header("Authorization", "Bearer " + admin.token()).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
    }

    @Test
    void oldStoredBillingEvents_readWellInTheRecords_inEitherLanguage_moneyAsStored() throws Exception {
        String digits = UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        String refunded = "RG" + digits;
        String closed = "RG" + digits + "C";
        String refund = "RC" + digits;
        String created = "{\"outTradeNo\":\"%s\",\"purpose\":\"REGISTRATION\",\"referenceId\":\"appt-old\","
                + "\"patientId\":\"p-old-" + digits + "\",\"amountFen\":2500,\"channel\":\"BALANCE\"}";
        storeOld("Payment", refunded, 0, PaymentCreated.class, created.formatted(refunded));
        storeOld("Refund", refund, 0, RefundRequested.class, "{\"outRefundNo\":\"" + refund + "\",\"outTradeNo\":\""
                + refunded + "\",\"amountFen\":2500,\"reason\":\"appointment cancelled: 医生外出会诊\","
                + "\"operator\":\"system\",\"channel\":\"BALANCE\"}");
        storeOld("Refund", refund, 1, RefundSucceeded.class, "{\"outRefundNo\":\"" + refund + "\",\"outTradeNo\":\""
                + refunded + "\",\"amountFen\":2500,\"channelResult\":\"credited to the outpatient balance (20650 fen after)\"}");
        storeOld("Payment", closed, 0, PaymentCreated.class, created.formatted(closed));
        storeOld("Payment", closed, 1, PaymentClosed.class, "{\"outTradeNo\":\"" + closed
                + "\",\"reason\":\"closed to pay from the balance\"}");
        Processors.awaitAtHead(processing, eventStore, BillingProjection.GROUP);

        JsonNode zh = payment(refunded, null).path("refunds").path(0);
        assertThat(zh.path("amountFen").asLong()).isEqualTo(2_500);
        assertThat(zh.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(zh.path("reasonCode").asText()).isEqualTo("APPOINTMENT_CANCELLED");
        assertThat(zh.path("reason").asText()).isEqualTo("预约取消：医生外出会诊");
        assertThat(zh.path("channelResult").asText()).isEqualTo("已退回门诊余额（退款后余额 206.50 元）");
        JsonNode en = payment(refunded, "en").path("refunds").path(0);
        assertThat(en.path("reason").asText()).isEqualTo("appointment cancelled: 医生外出会诊");
        assertThat(en.path("channelResult").asText()).isEqualTo("credited to the outpatient balance (206.50 yuan after)");

        JsonNode closedZh = payment(closed, null).path("payment");
        assertThat(closedZh.path("closeReasonCode").asText()).isEqualTo("SWITCHED_TO_BALANCE");
        assertThat(closedZh.path("closeReason").asText()).isEqualTo("已改用余额支付");
        assertThat(closedZh.path("amountFen").asLong()).isEqualTo(2_500);
    }
}
