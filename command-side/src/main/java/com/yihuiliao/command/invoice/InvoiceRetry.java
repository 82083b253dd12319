package com.yihuiliao.command.invoice;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Payments whose invoice failed (OSS unreachable, say) wait in the dead-letter queue of
 * {@code invoice-process}; every five minutes one node (db-scheduler) hands them to the process again.
 * Each retry is the whole, idempotent invoice step: same number, same object key, issued once.
 */
@Configuration(proxyBeanMethods = false)
class InvoiceRetry {

    private static final Logger log = LoggerFactory.getLogger(InvoiceRetry.class);
    /** At most this many payments per run, so a long outage does not make one endless run. */
    static final int PER_RUN = 100;

    @Bean
    RecurringTask<Void> invoiceDeadLetterRetry(EventProcessingConfiguration processing) {
        return Tasks.recurring("invoice-dead-letter-retry", FixedDelay.ofMinutes(5))
                .execute((instance, context) -> processing.sequencedDeadLetterProcessor(InvoiceProcess.GROUP)
                        .ifPresent(InvoiceRetry::retry));
    }

    /** Retries dead-lettered payments until none succeeds or {@link #PER_RUN} did; answers how many did. */
    static int retry(SequencedDeadLetterProcessor<?> deadLetters) {
        int done = 0;
        while (done < PER_RUN && deadLetters.processAny()) {
            done++;
        }
        if (done > 0) {
            log.info("Issued {} invoice(s) that had failed before", done);
        }
        return done;
    }
}
