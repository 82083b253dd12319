package com.yihuiliao.app;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** Waits on event processors: for what a test needs to have been handled, not for time to pass. */
final class Processors {

    private Processors() {
    }

    /** Every segment of the group has handled everything stored so far (its after-commit work included). */
    static void awaitAtHead(EventProcessingConfiguration processing, EventStore eventStore, String group) {
        long head = eventStore.createHeadToken().position().orElseThrow();
        StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                .orElseThrow();
        await().atMost(Duration.ofSeconds(30)).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }
}
