package com.yihuiliao.command.topup;

import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.refund.RefundFailed;
import com.yihuiliao.api.topup.CreditPaidTopUp;
import com.yihuiliao.api.topup.RestoreFailedWithdrawal;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Money that follows from top-up payments and withdrawal refunds: a paid top-up order credits the
 * account ({@link CreditPaidTopUp}); a failed refund of a top-up's payment gives a withdrawal's portion
 * back to the account ({@link RestoreFailedWithdrawal}). Both commands are idempotent, so redelivery
 * is harmless; an event that keeps failing goes to the group's dead-letter queue.
 */
@Component
@ProcessingGroup(TopUpProcess.GROUP)
@DisallowReplay
class TopUpProcess {

    static final String GROUP = "topup-process";

    private final CommandGateway commands;

    TopUpProcess(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PaymentSucceeded event) {
        if (event.purpose() == PaymentPurpose.TOPUP) {
            commands.sendAndWait(new CreditPaidTopUp(event.referenceId(), event.outTradeNo(), event.transactionId(),
                    event.amountFen()));
        }
    }

    @EventHandler
    void on(RefundFailed event) {
        if (TopUpIds.topUpOf(event.outTradeNo()) != null) {
            commands.sendAndWait(new RestoreFailedWithdrawal(event.outRefundNo(), event.outTradeNo(),
                    event.amountFen()));
        }
    }
}
