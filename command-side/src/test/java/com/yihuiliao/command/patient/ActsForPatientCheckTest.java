package com.yihuiliao.command.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.appointment.BookAppointment;
import com.yihuiliao.api.appointment.CancelAppointmentByHospital;
import com.yihuiliao.api.appointment.ConfirmAppointment;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The patients' commands checked on the command bus, as the command side registers the check. */
class ActsForPatientCheckTest {

    private final Patients patients = mock(Patients.class);
    private final List<Object> handled = new ArrayList<>();
    private CommandGateway commands;

    @BeforeEach
    void bus() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.registerHandlerInterceptor(new ActsForPatientCheck(patients));
        for (Class<?> type : List.of(BookAppointment.class, ConfirmAppointment.class,
                CancelAppointmentByHospital.class)) {
            bus.subscribe(type.getName(), message -> {
                handled.add(message.getPayload());
                return "handled";
            });
        }
        commands = DefaultCommandGateway.builder().commandBus(bus).build();
    }

    @Test
    void theCallersOwnPatientPasses() {
        when(patients.belongsTo("p1", "acc-1")).thenReturn(true);
        BookAppointment booking = new BookAppointment("sch-1", "apt-1", "p1", "acc-1", false);

        assertThat((Object) commands.sendAndWait(booking)).isEqualTo("handled");
        assertThat(handled).containsExactly(booking);
    }

    @Test
    void anotherAccountsPatientIsAnsweredAsUnknownAndNeverHandled() {
        when(patients.belongsTo("p1", "acc-2")).thenReturn(false);

        assertThatThrownBy(() -> commands.sendAndWait(new BookAppointment("sch-1", "apt-1", "p1", "acc-2", false)))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo(ErrorCode.PATIENT_NOT_FOUND));
        assertThat(handled).isEmpty();
    }

    @Test
    void withoutAnAccountAPatientsCommandIsRefused() {
        assertThatThrownBy(() -> commands.sendAndWait(new BookAppointment("sch-1", "apt-1", "p1", null, false)))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        violation -> assertThat(violation.code()).isEqualTo(ErrorCode.PATIENT_NOT_FOUND));
        assertThat(handled).isEmpty();
    }

    @Test
    void staffAndInternalCommandsPassWithoutAnAccount() {
        ConfirmAppointment confirmation = new ConfirmAppointment("apt-1", "RG261124K3M9Q2XW7A");
        CancelAppointmentByHospital cancellation = new CancelAppointmentByHospital("apt-2", "医生外出会诊");

        commands.sendAndWait(confirmation);
        commands.sendAndWait(cancellation);

        assertThat(handled).containsExactly(confirmation, cancellation);
        verifyNoInteractions(patients);
    }
}
