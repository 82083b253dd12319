package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.audit.Actor;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class ActorFromCallerTest {

    final ActorFromCaller interceptor = new ActorFromCaller();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    Actor sent(CommandMessage<?> command) {
        return Actor.fromMetaData(interceptor.handle(List.of(command)).apply(0, command).getMetaData());
    }

    @Test
    void aPatientsCommandNamesTheAccount() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("acct-9", null, "ROLE_PATIENT"));

        assertThat(sent(GenericCommandMessage.asCommandMessage("book"))).isEqualTo(Actor.patient("acct-9"));
    }

    @Test
    void aStaffCommandNamesTheStaffMemberAndRole() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("staff-3", null, "ROLE_FINANCE"));

        assertThat(sent(GenericCommandMessage.asCommandMessage("refund"))).isEqualTo(Actor.staff("staff-3", "FINANCE"));
    }

    @Test
    void anActorAlreadyNamedIsKeptAndNoCallerIsBackgroundWork() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("staff-3", null, "ROLE_FINANCE"));
        Actor process = Actor.patient("acct-1").causing("ScheduleSuspended");
        assertThat(sent(GenericCommandMessage.asCommandMessage("cancel").andMetaData(process.toMetaData())))
                .isEqualTo(process);

        SecurityContextHolder.clearContext();
        assertThat(sent(GenericCommandMessage.asCommandMessage("sweep"))).isEqualTo(Actor.system("BACKGROUND"));
    }
}
