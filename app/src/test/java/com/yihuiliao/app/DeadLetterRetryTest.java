package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.junit.jupiter.api.Test;

/** Every parked sequence gets one go per pass; one that fails again does not stop the others. */
class DeadLetterRetryTest {

    @SuppressWarnings("unchecked")
    SequencedDeadLetterQueue<EventMessage<?>> queue = mock(SequencedDeadLetterQueue.class);
    @SuppressWarnings("unchecked")
    SequencedDeadLetterProcessor<EventMessage<?>> processor = mock(SequencedDeadLetterProcessor.class);
    EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
    DeadLetterRetry retry = new DeadLetterRetry(processing);

    @Test
    void eachParkedSequence_isRetriedOncePerPass() {
        when(processing.deadLetterQueue("payment-process")).thenReturn(Optional.of(queue));
        when(processing.sequencedDeadLetterProcessor("payment-process")).thenReturn(Optional.of(processor));
        when(queue.amountOfSequences()).thenReturn(3L);
        when(processor.process(any())).thenReturn(true).thenThrow(new IllegalStateException("WeChat Pay down"))
                .thenReturn(true);

        assertThat(retry.retry("payment-process")).isEqualTo(2);
        verify(processor, times(3)).process(any());
    }

    @Test
    void aGroupWithoutDeadLetters_isLeftAlone() {
        when(processing.deadLetterQueue("booking-lookups")).thenReturn(Optional.empty());
        when(processing.sequencedDeadLetterProcessor("booking-lookups")).thenReturn(Optional.empty());
        assertThat(retry.retry("booking-lookups")).isZero();
    }
}
