package com.yihuiliao.app;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives every parked event another go. A handler that failed (WeChat Pay unreachable, a poison
 * event) parked its event — and the later ones of the same aggregate — in its group's dead-letter
 * queue; here each node retries the queues of the groups it runs, oldest sequence first. The
 * queue's claims keep two nodes off one sequence; a letter that fails again goes to the back.
 */
@Component
@EnableScheduling
class DeadLetterRetry {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetry.class);

    private final EventProcessingConfiguration processing;

    DeadLetterRetry(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** A letter is left alone this long after its last attempt, so a failing call is not hammered. */
    static final Duration REST = Duration.ofSeconds(10);

    @Scheduled(fixedDelayString = "${yihuiliao.dead-letter-retry-every:PT30S}",
            initialDelayString = "${yihuiliao.dead-letter-retry-every:PT30S}")
    void retryAll() {
        Instant rested = Instant.now().minus(REST);
        processing.eventProcessors().keySet()
                .forEach(group -> retry(group, letter -> letter.lastTouched().isBefore(rested)));
    }

    /** Every parked sequence of the group once, now (an operator's retry); answers how many went through. */
    int retry(String group) {
        return retry(group, letter -> true);
    }

    /** One pass over the group's queue, for sequences whose first letter passes the filter. */
    int retry(String group, Predicate<DeadLetter<? extends EventMessage<?>>> filter) {
        var queue = processing.deadLetterQueue(group);
        var processor = processing.sequencedDeadLetterProcessor(group);
        if (queue.isEmpty() || processor.isEmpty()) {
            return 0;
        }
        long sequences = queue.get().amountOfSequences();
        int done = 0;
        for (long i = 0; i < sequences; i++) {
            try {
                if (processor.get().process(filter)) {
                    done++;
                }
            } catch (RuntimeException e) {
                log.warn("Dead letters of {}: retry failed: {}", group, e.getMessage());
            }
        }
        if (sequences > 0) {
            log.info("Dead letters of {}: {} of {} sequences went through", group, done, sequences);
        }
        return done;
    }
}
