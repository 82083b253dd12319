package com.yihuiliao.command.actor;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.audit.Actor;
import com.yihuiliao.api.audit.ActorKind;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class ActorCorrelationTest {

    final ActorCorrelation correlation = new ActorCorrelation();

    record Suspended(String scheduleId) {
    }

    @Test
    void aCommandsEventsCarryItsActor() {
        Actor staff = Actor.staff("staff-1", "SCHEDULER");
        var command = GenericCommandMessage.asCommandMessage("do").andMetaData(staff.toMetaData());

        assertThat(Actor.fromMetaData(correlation.correlationDataFor(command))).isEqualTo(staff);
    }

    @Test
    void aProcessReactingToAnEventIsTheSystemOnBehalfOfWhoeverStartedIt() {
        var event = GenericEventMessage.asEventMessage(new Suspended("s1"))
                .andMetaData(Actor.staff("staff-1", "SCHEDULER").toMetaData());

        Actor actor = Actor.fromMetaData(correlation.correlationDataFor(event));

        assertThat(actor.kind()).isEqualTo(ActorKind.SYSTEM);
        assertThat(actor.cause()).isEqualTo("Suspended");
        assertThat(actor.onBehalfOf()).isEqualTo(Actor.staff("staff-1", "SCHEDULER"));
    }

    @Test
    void aCascadeKeepsTheOriginalActorAndADeadlineNamesItself() {
        Actor cascade = Actor.patient("acct-1").causing("AppointmentCancelled");
        var deadline = GenericDeadlineMessage.asDeadlineMessage("hold-expiry", null, Instant.now())
                .andMetaData(cascade.toMetaData());

        Actor actor = Actor.fromMetaData(correlation.correlationDataFor(deadline));

        assertThat(actor).isEqualTo(new Actor(ActorKind.SYSTEM, null, null, "hold-expiry", Actor.patient("acct-1")));
    }

    @Test
    void aMessageWithoutActorGivesNoneOrAnUnattributedProcess() {
        assertThat(correlation.correlationDataFor(GenericCommandMessage.asCommandMessage("do"))).isEmpty();
        Map<String, ?> reaction = correlation.correlationDataFor(GenericEventMessage.asEventMessage(new Suspended("s")));
        assertThat(Actor.fromMetaData(reaction)).isEqualTo(Actor.system("Suspended"));
        assertThat(Actor.fromMetaData(MetaData.emptyInstance())).isEqualTo(Actor.UNKNOWN);
    }
}
