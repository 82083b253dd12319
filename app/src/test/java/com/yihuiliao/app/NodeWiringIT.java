package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.command.lookup.Lookups;
import com.yihuiliao.projection.billing.BillingSequencing;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sides' own processor settings are in force where they load (here all of them). */
class NodeWiringIT extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void eachSidesProcessorsRunAsItsSettingsSay() {
        assertThat(processing.eventProcessor(Lookups.GROUP)).get().isInstanceOf(SubscribingEventProcessor.class);
        assertThat(processing.eventProcessor("payment-process")).get().isInstanceOf(TrackingEventProcessor.class);
        assertThat(processing.deadLetterQueue("payment-process")).isPresent();
        assertThat(processing.eventProcessor("booking-process")).get().isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(processing.deadLetterQueue("booking-process")).isEmpty();

        assertThat(processing.eventProcessor("schedule-view")).get().isInstanceOf(PooledStreamingEventProcessor.class);
        assertThat(processing.deadLetterQueue("schedule-view")).isPresent();
        assertThat(processing.sequencingPolicy("catalogue-view")).isInstanceOf(SequentialPolicy.class);
        assertThat(processing.sequencingPolicy("billing-view")).isInstanceOf(BillingSequencing.class);
    }
}
