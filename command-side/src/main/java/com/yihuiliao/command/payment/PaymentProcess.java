package com.yihuiliao.command.payment;

import com.yihuiliao.api.appointment.AppointmentCancelled;
import com.yihuiliao.api.payment.RefundCancelledAppointment;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Cancellation refunds: a confirmed (paid) appointment that is cancelled — by the patient or by
 * the hospital (停诊) — gets what remains refundable of its fee back. The command it sends is
 * idempotent (the refund number follows from the order), so redelivery refunds nothing twice.
 * Balance payments are refunded at once; WeChat payments wait for the WeChat Pay adapter.
 */
@Component
@ProcessingGroup(PaymentProcess.GROUP)
@DisallowReplay
class PaymentProcess {

    static final String GROUP = "payment-process";
    static final String CANCELLATION_REASON = "appointment cancelled";

    private final CommandGateway commands;

    PaymentProcess(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(AppointmentCancelled event) {
        if (event.wasConfirmed()) {
            commands.sendAndWait(new RefundCancelledAppointment(event.appointmentId(), CANCELLATION_REASON));
        }
    }
}
