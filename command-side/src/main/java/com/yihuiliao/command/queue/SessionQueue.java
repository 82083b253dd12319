package com.yihuiliao.command.queue;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.queue.CallNextPatient;
import com.yihuiliao.api.queue.MarkPatientSeen;
import com.yihuiliao.api.queue.PassPatient;
import com.yihuiliao.api.queue.PatientCalled;
import com.yihuiliao.api.queue.PatientPassed;
import com.yihuiliao.api.queue.PatientRejoined;
import com.yihuiliao.api.queue.PatientSeen;
import com.yihuiliao.api.queue.QueueCall;
import com.yihuiliao.api.queue.QueueNumberIssued;
import com.yihuiliao.api.queue.QueueNumbering;
import com.yihuiliao.api.queue.QueueOpened;
import com.yihuiliao.api.queue.QueueRejoinRule;
import com.yihuiliao.api.queue.QueueState;
import com.yihuiliao.api.queue.QueueTicket;
import com.yihuiliao.api.queue.RejoinPatient;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One session's queue (取号 / 叫号), id {@code queue:<scheduleId>}. Why an aggregate of its own and not the Schedule:
 * the numbers must be decided by one consistency boundary (Axon serialises its commands; two nodes collide on the
 * event table's key and retry), but the schedule is the hot aggregate of booking — the queue works on the visit day,
 * when the schedule should stay free for walk-ins and cancellations, and its events (a few per patient) would only
 * lengthen the schedule's stream. The queue owns: one number per appointment, never two alike; the calling order
 * (ascending {@code sortKey}); waiting → called → seen or passed; passed → waiting by the rejoin rule.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class SessionQueue {

    /** Keys are spaced so a rejoin fits between two waiting patients many times over. */
    static final long STEP = 1L << 20;

    record Entry(String patientId, int number, QueueState state, long sortKey) {
        Entry with(QueueState newState, long newKey) {
            return new Entry(patientId, number, newState, newKey);
        }
    }

    @AggregateIdentifier
    private String queueId;
    private String scheduleId;
    private String doctorId;
    private QueueNumbering numbering;
    private Map<String, Entry> entries = new LinkedHashMap<>();
    private int lastNumber;
    private long lastKey;
    /** The number called last (0: none), and the {@code currentNumber} that call was asked with: a retry names it. */
    private int currentNumber;
    private int askedWith = -1;
    private String currentAppointment;

    protected SessionQueue() {
        // for Axon
    }

    /** The first check-in opens the queue with the numbering in force. */
    SessionQueue(String queueId, String scheduleId, String doctorId, QueueNumbering numbering) {
        apply(new QueueOpened(queueId, scheduleId, doctorId, numbering));
    }

    /** A check-in's number: the next one, or the booking's place on the schedule; a repeat answers the first. */
    @CommandHandler
    public QueueTicket handle(IssueQueueNumber cmd) {
        Entry existing = entries.get(cmd.appointmentId());
        if (existing != null) {
            return new QueueTicket(cmd.appointmentId(), scheduleId, existing.number(), existing.state());
        }
        int number = numbering == QueueNumbering.BOOKING_ORDER && cmd.bookingNumber() > 0
                ? cmd.bookingNumber() : lastNumber + 1;
        if (numbering == QueueNumbering.BOOKING_ORDER
                && entries.values().stream().anyMatch(e -> e.number() == number)) {
            throw new IllegalStateException("Booking number " + number + " is taken in " + queueId);
        }
        apply(new QueueNumberIssued(queueId, scheduleId, cmd.appointmentId(), cmd.patientId(), number,
                number * STEP));
        return new QueueTicket(cmd.appointmentId(), scheduleId, number, QueueState.WAITING);
    }

    @CommandHandler
    public QueueCall handle(CallNextPatient cmd) {
        requireOwnDoctor(cmd.doctorId());
        if (cmd.currentNumber() == askedWith && currentAppointment != null) {
            // the same call again (a client's retry): answered as the first time, nobody else is called
            return new QueueCall(scheduleId, currentAppointment, currentNumber);
        }
        if (cmd.currentNumber() != currentNumber) {
            throw new BusinessRuleViolation(ErrorCode.QUEUE_CHANGED,
                    "Number " + currentNumber + " was called last, not " + cmd.currentNumber() + ".");
        }
        Map.Entry<String, Entry> next = waitingLine().stream().findFirst()
                .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.QUEUE_EMPTY));
        apply(new PatientCalled(queueId, scheduleId, next.getKey(), next.getValue().patientId(),
                next.getValue().number()));
        return new QueueCall(scheduleId, next.getKey(), next.getValue().number());
    }

    @CommandHandler
    public void handle(MarkPatientSeen cmd) {
        requireOwnDoctor(cmd.doctorId());
        Entry entry = entry(cmd.appointmentId());
        if (entry.state() == QueueState.SEEN) {
            return;
        }
        if (entry.state() != QueueState.CALLED) {
            throw new BusinessRuleViolation(ErrorCode.QUEUE_ENTRY_NOT_CALLED);
        }
        apply(new PatientSeen(queueId, scheduleId, cmd.appointmentId(), entry.patientId(), entry.number()));
    }

    @CommandHandler
    public void handle(PassPatient cmd) {
        requireOwnDoctor(cmd.doctorId());
        Entry entry = entry(cmd.appointmentId());
        if (entry.state() == QueueState.PASSED) {
            return;
        }
        if (entry.state() != QueueState.CALLED) {
            throw new BusinessRuleViolation(ErrorCode.QUEUE_ENTRY_NOT_CALLED);
        }
        apply(new PatientPassed(queueId, scheduleId, cmd.appointmentId(), entry.patientId(), entry.number()));
    }

    /** A returning passed patient waits again: at the end, or after the next N waiting (at the end when fewer wait). */
    @CommandHandler
    public QueueTicket handle(RejoinPatient cmd) {
        requireOwnDoctor(cmd.doctorId());
        Entry entry = entry(cmd.appointmentId());
        if (entry.state() == QueueState.WAITING) {
            return new QueueTicket(cmd.appointmentId(), scheduleId, entry.number(), entry.state()); // a repeat
        }
        if (entry.state() != QueueState.PASSED) {
            throw new BusinessRuleViolation(ErrorCode.QUEUE_ENTRY_NOT_PASSED);
        }
        List<Map.Entry<String, Entry>> line = waitingLine();
        long key = lastKey + STEP;
        if (cmd.rule() == QueueRejoinRule.AFTER_NEXT_N && cmd.after() < line.size()) {
            long before = cmd.after() == 0 ? 0 : line.get(cmd.after() - 1).getValue().sortKey();
            long after = line.get(cmd.after()).getValue().sortKey();
            if (after - before >= 2) {
                key = before + (after - before) / 2;
            } // else no key left between the two (many rejoins at one place): the end, never a shared key
        }
        apply(new PatientRejoined(queueId, scheduleId, cmd.appointmentId(), entry.patientId(), entry.number(), key,
                cmd.rule()));
        return new QueueTicket(cmd.appointmentId(), scheduleId, entry.number(), QueueState.WAITING);
    }

    private List<Map.Entry<String, Entry>> waitingLine() {
        return entries.entrySet().stream().filter(e -> e.getValue().state() == QueueState.WAITING)
                .sorted(Comparator.comparingLong(e -> e.getValue().sortKey())).toList();
    }

    private Entry entry(String appointmentId) {
        Entry entry = entries.get(appointmentId);
        if (entry == null) {
            throw new BusinessRuleViolation(ErrorCode.QUEUE_ENTRY_NOT_FOUND);
        }
        return entry;
    }

    /** A doctor works their own sessions only; other staff (the access table let them in) any. */
    private void requireOwnDoctor(String callingDoctor) {
        if (callingDoctor != null && !callingDoctor.equals(doctorId)) {
            throw new BusinessRuleViolation(ErrorCode.FORBIDDEN, "Doctors call the queues of their own sessions.");
        }
    }

    @EventSourcingHandler
    void on(QueueOpened event) {
        queueId = event.queueId();
        scheduleId = event.scheduleId();
        doctorId = event.doctorId();
        numbering = event.numbering();
    }

    @EventSourcingHandler
    void on(QueueNumberIssued event) {
        entries.put(event.appointmentId(), new Entry(event.patientId(), event.number(), QueueState.WAITING,
                event.sortKey()));
        lastNumber = Math.max(lastNumber, event.number());
        lastKey = Math.max(lastKey, event.sortKey());
    }

    @EventSourcingHandler
    void on(PatientCalled event) {
        entries.computeIfPresent(event.appointmentId(), (id, e) -> e.with(QueueState.CALLED, e.sortKey()));
        askedWith = currentNumber; // a call is only made when the caller named the number called last
        currentNumber = event.number();
        currentAppointment = event.appointmentId();
    }

    @EventSourcingHandler
    void on(PatientSeen event) {
        entries.computeIfPresent(event.appointmentId(), (id, e) -> e.with(QueueState.SEEN, e.sortKey()));
    }

    @EventSourcingHandler
    void on(PatientPassed event) {
        entries.computeIfPresent(event.appointmentId(), (id, e) -> e.with(QueueState.PASSED, e.sortKey()));
    }

    @EventSourcingHandler
    void on(PatientRejoined event) {
        entries.computeIfPresent(event.appointmentId(), (id, e) -> e.with(QueueState.WAITING, event.sortKey()));
        lastKey = Math.max(lastKey, event.sortKey());
    }
}
