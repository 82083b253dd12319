package com.yihuiliao.api.topup;

import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.payment.PaymentChannel;
import java.time.Instant;

/**
 * One top-up as the records show it; {@code refundedFen} is what withdrawals took back from it so far.
 * A WeChat top-up has its {@code outTradeNo}; a counter top-up (channel {@code COUNTER}, status {@code CREDITED}
 * at once) has the cashier's {@code receiptNo} and the {@code operator} who took the money instead, and a
 * record id {@code CT…} that follows from its account and receipt.
 */
public record TopUpRecord(String topUpId, String outTradeNo, String patientId, AccountKind kind, PaymentChannel channel,
                          long amountFen, TopUpStatus status, long refundedFen, Instant createdAt, Instant paidAt,
                          Instant creditedAt, String receiptNo, String operator) {

    /** As the patient sees it: who took the money at the counter is staff's business. */
    public TopUpRecord withoutOperator() {
        return new TopUpRecord(topUpId, outTradeNo, patientId, kind, channel, amountFen, status, refundedFen, createdAt,
                paidAt, creditedAt, receiptNo, null);
    }
}
