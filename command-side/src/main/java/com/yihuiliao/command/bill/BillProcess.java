package com.yihuiliao.command.bill;

import com.yihuiliao.api.bill.SettleBillPayment;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentSucceeded;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * A WeChat payment of a bill succeeded (recorded from WeChat Pay's notification): one command marks the bill
 * paid, or refunds the payment in full when the bill was paid otherwise or voided. The command is
 * idempotent, so redelivery is harmless; a failure goes to the group's dead-letter queue.
 * Balance payments mark the bill paid in their own unit of work and need nothing here.
 */
@Component
@ProcessingGroup(BillProcess.GROUP)
@DisallowReplay
class BillProcess {

    static final String GROUP = "bill-process";

    private final CommandGateway commands;

    BillProcess(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PaymentSucceeded event) {
        if (event.purpose() == PaymentPurpose.BILL && event.channel() == PaymentChannel.WECHAT) {
            commands.sendAndWait(new SettleBillPayment(event.referenceId(), event.outTradeNo()));
        }
    }
}
