package com.yihuiliao.command.queue;

import com.yihuiliao.api.appointment.CheckInAppointment;
import com.yihuiliao.api.queue.QueueIds;
import com.yihuiliao.api.queue.QueueNumbering;
import com.yihuiliao.api.queue.QueueTicket;
import com.yihuiliao.api.schedule.SlotHeld;
import com.yihuiliao.command.appointment.Arrival;
import com.yihuiliao.command.appointment.RecordCheckIn;
import com.yihuiliao.command.lookup.StoredAggregates;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * 签到取号 in one unit of work, aggregates in one order: the appointment records the check-in (its window and state),
 * then the session's queue gives the number — both commit, or neither (a check-in never lacks its number). Two
 * first check-ins of a session that create its queue at once collide on the event table's key; the gateway retries
 * the loser, which then finds the queue.
 */
@Component
class QueueCheckIns {

    private final Repository<com.yihuiliao.command.appointment.Appointment> appointments;
    private final Repository<SessionQueue> queues;
    private final StoredAggregates stored;
    private final EventStore eventStore;
    private final QueueSettings settings;

    QueueCheckIns(@Qualifier("appointmentRepository") Repository<com.yihuiliao.command.appointment.Appointment> appointments,
                  @Qualifier("sessionQueueRepository") Repository<SessionQueue> queues,
                  StoredAggregates stored, EventStore eventStore, QueueSettings settings) {
        this.appointments = appointments;
        this.queues = queues;
        this.stored = stored;
        this.eventStore = eventStore;
        this.settings = settings;
    }

    @CommandHandler
    public QueueTicket handle(CheckInAppointment cmd) throws Exception {
        Arrival arrival = (Arrival) appointments.load(cmd.appointmentId()).handle(GenericCommandMessage.asCommandMessage(
                new RecordCheckIn(cmd.appointmentId(), cmd.patientId(), cmd.opensMinutesBefore())));
        String queueId = QueueIds.queueIdOf(arrival.scheduleId());
        Aggregate<SessionQueue> queue = stored.exists(queueId) ? queues.load(queueId)
                : queues.newInstance(() -> new SessionQueue(queueId, arrival.scheduleId(), arrival.doctorId(),
                        settings.getNumbering()));
        int bookingNumber = settings.getNumbering() == QueueNumbering.BOOKING_ORDER
                ? bookingNumber(arrival.scheduleId(), arrival.appointmentId()) : 0;
        return (QueueTicket) queue.handle(GenericCommandMessage.asCommandMessage(
                new IssueQueueNumber(queueId, arrival.appointmentId(), arrival.patientId(), bookingNumber)));
    }

    /**
     * The appointment's place among every slot ever held on its schedule (预约序号): read from the schedule's own
     * events, which only grow, so the same appointment always has the same place. No lookup table, and the booking
     * path writes nothing more for it.
     */
    private int bookingNumber(String scheduleId, String appointmentId) {
        DomainEventStream events = eventStore.readEvents(scheduleId, 0);
        int held = 0;
        while (events.hasNext()) {
            if (events.next().getPayload() instanceof SlotHeld slot) {
                held++;
                if (slot.appointmentId().equals(appointmentId)) {
                    return held;
                }
            }
        }
        return 0;
    }
}
