package com.yihuiliao.command.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.junit.jupiter.api.Test;

class InvoiceRetryTest {

    @SuppressWarnings("unchecked")
    final SequencedDeadLetterProcessor<EventMessage<?>> deadLetters = mock(SequencedDeadLetterProcessor.class);

    @Test
    void retriesUntilNoneSucceeds() {
        when(deadLetters.processAny()).thenReturn(true, true, false);

        assertThat(InvoiceRetry.retry(deadLetters)).isEqualTo(2);
        verify(deadLetters, times(3)).processAny();
    }

    @Test
    void stopsAfterOneRunsWorth() {
        when(deadLetters.processAny()).thenReturn(true);

        assertThat(InvoiceRetry.retry(deadLetters)).isEqualTo(InvoiceRetry.PER_RUN);
    }
}
