package com.yihuiliao.api.payment;

import org.axonframework.serialization.Revision;

/** Revision 2: the reason is a code and its detail (revision 1 held one sentence; upcast on reading). */
@Revision("2")
public record PaymentClosed(String outTradeNo, CloseReason reason, String detail) implements PaymentEvent {
}
