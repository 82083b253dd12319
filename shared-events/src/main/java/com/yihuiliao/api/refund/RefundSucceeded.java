package com.yihuiliao.api.refund;

import org.axonframework.serialization.Revision;

/**
 * The money reached the payer. What the channel said, as data: the balance after the credit (to the
 * balance), or WeChat Pay's refund id and the account it went to. {@code note} keeps a revision-1
 * channel sentence that was not recognised. Revision 2: revision 1 held one sentence ({@code channelResult}).
 */
@Revision("2")
public record RefundSucceeded(String outRefundNo, String outTradeNo, long amountFen, Long balanceAfterFen,
                              String weChatRefundId, String receivedBy, String note) implements RefundEvent {
}
