package com.yihuiliao.api.refund;

import org.axonframework.serialization.Revision;

/** Revision 2: the reason is a code and its detail (revision 1 held one sentence; upcast on reading). */
@Revision("2")
public record RefundFailed(String outRefundNo, String outTradeNo, long amountFen, RefundFailure reason, String detail)
        implements RefundEvent {
}
