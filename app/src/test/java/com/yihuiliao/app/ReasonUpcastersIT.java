package com.yihuiliao.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.refund.RefundReason;
import com.yihuiliao.api.refund.RefundRequested;
import org.axonframework.config.Configuration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The booted application reads stored events through the reason upcasters (Axon registers the beans). */
class ReasonUpcastersIT extends IntegrationTest {

    @Autowired
    Configuration axon;

    @Test
    void theEventStoresUpcasterChain_readsOldRefundSentencesAsCodes() {
        Object read = ReasonUpcastersTest.read(axon.upcasterChain(), RefundRequested.class, null,
                "{\"outRefundNo\":\"RC1\",\"outTradeNo\":\"RG1\",\"amountFen\":2500,"
                        + "\"reason\":\"appointment cancelled: 改期\",\"operator\":\"system\",\"channel\":\"BALANCE\"}");
        assertThat(read).isEqualTo(new RefundRequested("RC1", "RG1", 2_500, RefundReason.APPOINTMENT_CANCELLED, "改期",
                "system", PaymentChannel.BALANCE));
    }
}
