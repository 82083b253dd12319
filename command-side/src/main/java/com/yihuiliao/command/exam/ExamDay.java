package com.yihuiliao.command.exam;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.exam.ExamDayCapacityChanged;
import com.yihuiliao.api.exam.ExamDayOpened;
import com.yihuiliao.api.exam.ExamPlaceReleased;
import com.yihuiliao.api.exam.ExamPlaceTaken;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One package's exam day (体检日): owns its places. Taken never exceeds capacity, one place per patient, none for
 * a date already begun; capacity goes down only to the places taken. Every booking of the day loads (and so
 * locks) this aggregate, as a booking locks its schedule.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class ExamDay {

    static final int MAX_CAPACITY = 10_000;

    @AggregateIdentifier
    private String examDayId;
    private LocalDate date;
    private int capacity;
    /** booking id → patient id of every place taken, in booking order. */
    private Map<String, String> places = new LinkedHashMap<>();

    protected ExamDay() {
        // for Axon
    }

    /** The day's id: one day per package and date. */
    public static String idOf(String packageId, LocalDate date) {
        return "examday:" + packageId + ":" + date;
    }

    @CommandHandler
    public ExamDay(OpenExamDay cmd) {
        checkCapacity(cmd.capacity());
        apply(new ExamDayOpened(cmd.examDayId(), cmd.packageId(), cmd.date(), cmd.capacity()));
    }

    @CommandHandler
    public void handle(ChangeExamDayCapacity cmd) {
        checkCapacity(cmd.capacity());
        if (cmd.capacity() < places.size()) {
            throw new BusinessRuleViolation(ErrorCode.CAPACITY_BELOW_HELD,
                    places.size() + " places are taken; capacity cannot go below that.");
        }
        if (cmd.capacity() != capacity) {
            apply(new ExamDayCapacityChanged(examDayId, cmd.capacity()));
        }
    }

    @CommandHandler
    public ExamPlaceTaken handle(TakeExamPlace cmd) {
        LocalDate today = LocalDate.ofInstant(GenericEventMessage.clock.instant(), Clocks.HOSPITAL_ZONE);
        if (!date.isAfter(today)) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_DAY_NOT_OPEN,
                    "Exams are booked from the next day on; " + date + " is too late.");
        }
        if (places.containsValue(cmd.patientId())) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_ALREADY_BOOKED);
        }
        if (places.size() >= capacity) {
            throw new BusinessRuleViolation(ErrorCode.EXAM_DAY_FULL);
        }
        ExamPlaceTaken taken = new ExamPlaceTaken(examDayId, cmd.bookingId(), cmd.patientId(),
                capacity - places.size() - 1);
        apply(taken);
        return taken;
    }

    @CommandHandler
    public void handle(ReleaseExamPlace cmd) {
        if (places.containsKey(cmd.bookingId())) {
            apply(new ExamPlaceReleased(examDayId, cmd.bookingId()));
        }
    }

    private static void checkCapacity(int capacity) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_CAPACITY,
                    "An exam day has 1 to " + MAX_CAPACITY + " places.");
        }
    }

    @EventSourcingHandler
    void on(ExamDayOpened event) {
        examDayId = event.examDayId();
        date = event.date();
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(ExamDayCapacityChanged event) {
        capacity = event.capacity();
    }

    @EventSourcingHandler
    void on(ExamPlaceTaken event) {
        places.put(event.bookingId(), event.patientId());
    }

    @EventSourcingHandler
    void on(ExamPlaceReleased event) {
        places.remove(event.bookingId());
    }
}
