package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundRequested;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Operators see what waits in the dead-letter queues, and why, and can retry it: it leaves only by going through. */
class DeadLetterIT extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    PlatformTransactionManager transactions;

    JsonNode group(Api admin, String name) {
        for (JsonNode group : admin.all("/api/admin/dead-letters")) {
            if (group.path("group").asText().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("no dead-letter queue for " + name);
    }

    @Test
    void aParkedEventIsShownWithItsCause_andGoesThroughOnRetry() {
        Api admin = new Api(port).admin();
        // a refund event the payment process could not handle while WeChat Pay was unreachable
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue("payment-process").orElseThrow();
        EventMessage<?> parked = GenericEventMessage.asEventMessage(new RefundRequested("RFDLQ00000001",
                "RGDLQ00000001", 100, RefundReason.OTHER, "test", "system", PaymentChannel.BALANCE));
        new TransactionTemplate(transactions).executeWithoutResult(status -> queue.enqueue("RFDLQ00000001",
                new GenericDeadLetter<>("RFDLQ00000001", parked, new IllegalStateException("WeChat Pay unreachable"))));

        JsonNode waiting = group(admin, "payment-process");
        assertThat(waiting.path("letters").asLong()).isPositive();
        assertThat(waiting.path("first").findValuesAsText("cause"))
                .anySatisfy(cause -> assertThat(cause).contains("WeChat Pay unreachable"));
        assertThat(waiting.path("first").findValuesAsText("eventType")).contains("RefundRequested");

        JsonNode retried = Api.expect(admin.post("/api/admin/dead-letters/payment-process/retry", "{}"), 200).body();
        assertThat(retried.path("sequencesThrough").asInt()).isPositive();
        assertThat(group(admin, "payment-process").path("first").findValuesAsText("cause"))
                .noneSatisfy(cause -> assertThat(cause).contains("WeChat Pay unreachable"));

        assertThat(admin.post("/api/admin/dead-letters/no-such-group/retry", "{}").code()).isEqualTo("NOT_FOUND");
        assertThat(admin.newStaff("FINANCE", null).get("/api/admin/dead-letters").status()).isEqualTo(403);
    }
}
