package com.yihuiliao.api.refund;

import com.yihuiliao.api.payment.PaymentChannel;
import org.axonframework.serialization.Revision;

/** Revision 2: the reason is a code and a person's note (revision 1 held one sentence; upcast on reading). */
@Revision("2")
public record RefundRequested(String outRefundNo, String outTradeNo, long amountFen, RefundReason reason, String note,
                              String operator, PaymentChannel channel) implements RefundEvent {
}
