package com.yihuiliao.command.refund;

import com.yihuiliao.api.Command;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The channel says the refund is done: to the balance, the balance after the credit; to WeChat Pay, its
 * refund id and the account the money went to (WeChat Pay's own words, e.g. 支付用户零钱).
 */
public record RecordRefundSucceeded(@TargetAggregateIdentifier String outRefundNo, Long balanceAfterFen,
                                    String weChatRefundId, String receivedBy) implements Command {

    public static RecordRefundSucceeded toBalance(String outRefundNo, long balanceAfterFen) {
        return new RecordRefundSucceeded(outRefundNo, balanceAfterFen, null, null);
    }
}
