package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.command.payment.PaymentOrderBackfill;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A database from before payment_order (V190): its orders get their rows from the event store, once each. */
class PaymentOrderBackfillIT extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PaymentOrderBackfill backfill;

    /** An event stored as an older version wrote it, without passing the lookups (dated long before the others). */
    void storeOld(String aggregateId, long sequence, Class<?> payloadType, String json) {
        jdbc.update("INSERT INTO domain_event_entry (sequence_number, aggregate_identifier, event_identifier, "
                        + "payload_revision, payload_type, time_stamp, type, meta_data, payload) "
                        + "VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?)", sequence, aggregateId, UUID.randomUUID().toString(),
                payloadType.getName(), "2020-01-07T02:00:0" + sequence + "Z", "Payment",
                "{}".getBytes(StandardCharsets.UTF_8), json.getBytes(StandardCharsets.UTF_8));
    }

    List<Map<String, Object>> row(String outTradeNo) {
        return jdbc.queryForList("SELECT purpose, reference_id, patient_id, amount_fen, channel, status, paid_at "
                + "FROM payment_order WHERE out_trade_no = ?", outTradeNo);
    }

    @Test
    void anOrderStoredBeforeTheTable_getsItsRow_andAFillAgainChangesNothing() {
        String outTradeNo = "RG" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
        storeOld(outTradeNo, 0, PaymentCreated.class, ("{\"outTradeNo\":\"%s\",\"purpose\":\"REGISTRATION\","
                + "\"referenceId\":\"appt-old\",\"patientId\":\"p-old\",\"amountFen\":2500,\"channel\":\"BALANCE\"}")
                .formatted(outTradeNo));
        storeOld(outTradeNo, 1, PaymentSucceeded.class, ("{\"outTradeNo\":\"%s\",\"transactionId\":\"BALANCE-%s\","
                + "\"amountFen\":2500,\"purpose\":\"REGISTRATION\",\"referenceId\":\"appt-old\",\"patientId\":\"p-old\","
                + "\"channel\":\"BALANCE\"}").formatted(outTradeNo, outTradeNo));
        assertThat(row(outTradeNo)).isEmpty();

        assertThat(backfill.fillFromEvents()).isPositive();
        List<Map<String, Object>> filled = row(outTradeNo);
        assertThat(filled).hasSize(1);
        assertThat(filled.get(0)).containsEntry("purpose", "REGISTRATION").containsEntry("reference_id", "appt-old")
                .containsEntry("patient_id", "p-old").containsEntry("amount_fen", 2500L)
                .containsEntry("channel", "BALANCE").containsEntry("status", "PAID");
        assertThat(filled.get(0).get("paid_at")).isNotNull();

        backfill.fillFromEvents();
        assertThat(row(outTradeNo)).isEqualTo(filled);
    }
}
