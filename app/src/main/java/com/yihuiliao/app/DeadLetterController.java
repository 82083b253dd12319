package com.yihuiliao.app;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What waits in the dead-letter queues, for operators: which events a group could not handle and why
 * (WeChat Pay or the object storage unreachable, a bug), and a retry now instead of at the next pass of
 * {@link DeadLetterRetry}. Nothing is dropped from here: a letter leaves its queue only by going through.
 */
@RestController
@Tag(name = "Operations", description = "Dead-letter queues of the event processors (super admin)")
class DeadLetterController {

    /** The first letters of a group shown; the counts cover all of them. */
    static final int SHOWN = 50;

    private final EventProcessingConfiguration processing;
    private final DeadLetterRetry retry;

    DeadLetterController(EventProcessingConfiguration processing, DeadLetterRetry retry) {
        this.processing = processing;
        this.retry = retry;
    }

    /** An event that failed in a processor: its type, aggregate, cause and times. */
    record Letter(String eventType, String aggregateId, String cause, Instant enqueuedAt, Instant lastTouched) {
    }

    /** What waits in one dead-letter queue: its sequences and letters, and the first ones with their causes. */
    record GroupLetters(String group, long sequences, long letters, List<Letter> first) {
    }

    /** A dead-letter retry: how many sequences went through and how many are left. */
    record Retried(String group, int sequencesThrough, long sequencesLeft) {
    }

    @GetMapping("/api/admin/dead-letters")
    @Operation(summary = "Every processing group with a dead-letter queue: how many sequences and events wait, "
            + "and the first of them with their cause")
    ListPage<GroupLetters> list(@Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        List<GroupLetters> groups = new ArrayList<>();
        for (String group : processing.eventProcessors().keySet().stream().sorted().toList()) {
            processing.deadLetterQueue(group).ifPresent(queue -> {
                groups.add(new GroupLetters(group, queue.amountOfSequences(), queue.size(), firstLetters(queue)));
            });
        }
        return ListPage.slice("dead-letters", groups, cursor, ListPage.size(size));
    }

    @PostMapping("/api/admin/dead-letters/{group}/retry")
    @Operation(summary = "Retry a group's parked sequences now (each once); answers how many went through")
    Retried retry(@PathVariable String group) {
        var queue = processing.deadLetterQueue(group).orElseThrow(() -> new BusinessRuleViolation(ErrorCode.NOT_FOUND,
                "No processing group " + group + " with a dead-letter queue."));
        int through = retry.retry(group);
        return new Retried(group, through, queue.amountOfSequences());
    }

    /** The first {@link #SHOWN} letters; the rest of a long queue is not read. */
    private static List<Letter> firstLetters(SequencedDeadLetterQueue<EventMessage<?>> queue) {
        List<Letter> first = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                if (first.size() == SHOWN) {
                    return first;
                }
                first.add(letterOf(letter));
            }
        }
        return first;
    }

    private static Letter letterOf(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String aggregateId = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        String cause = letter.cause().map(c -> c.type() + ": " + c.message()).orElse(null);
        return new Letter(message.getPayloadType().getSimpleName(), aggregateId, cause, letter.enqueuedAt(),
                letter.lastTouched());
    }
}
