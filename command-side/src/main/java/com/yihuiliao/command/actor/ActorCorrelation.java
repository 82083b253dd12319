package com.yihuiliao.command.actor;

import com.yihuiliao.api.audit.Actor;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * Every message made while one is handled carries its actor: the events a command applies get the command's
 * actor; what a deadline or a process's event handler sends or applies is the system's, for that deadline or
 * event, on behalf of whoever started it. Axon merges this into every message created in the unit of work.
 */
public class ActorCorrelation implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Actor actor = Actor.fromMetaData(message.getMetaData());
        if (message instanceof DeadlineMessage<?> deadline) {
            return actor.causing(deadline.getDeadlineName()).toMetaData();
        }
        if (message instanceof EventMessage<?> event) {
            return actor.causing(event.getPayloadType().getSimpleName()).toMetaData();
        }
        if (message instanceof CommandMessage<?>) {
            return actor.toMetaData();
        }
        return Map.of();
    }
}
