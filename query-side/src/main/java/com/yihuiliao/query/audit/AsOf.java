package com.yihuiliao.query.audit;

import com.yihuiliao.api.account.AccountCredited;
import com.yihuiliao.api.account.AccountDebited;
import com.yihuiliao.api.audit.AccountBalanceAsOf;
import com.yihuiliao.api.audit.BillStateAsOf;
import com.yihuiliao.api.audit.PaymentStateAsOf;
import com.yihuiliao.api.bill.BillIssued;
import com.yihuiliao.api.bill.BillItemRefunded;
import com.yihuiliao.api.bill.BillPaid;
import com.yihuiliao.api.bill.BillVoided;
import com.yihuiliao.api.payment.PaymentClosed;
import com.yihuiliao.api.payment.PaymentCreated;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RefundSettled;
import java.time.Instant;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;

/**
 * States at a past instant, folded from an aggregate's events stored up to it (inclusive): the same events the
 * aggregates and the billing records are built from, so the answers agree with the movement records.
 */
final class AsOf {

    private AsOf() {
    }

    static AccountBalanceAsOf account(String accountId, List<DomainEventMessage<?>> history, Instant at) {
        long balance = 0;
        int movements = 0;
        for (DomainEventMessage<?> event : upTo(history, at)) {
            if (event.getPayload() instanceof AccountCredited credited) {
                balance = credited.balanceAfterFen();
                movements++;
            } else if (event.getPayload() instanceof AccountDebited debited) {
                balance = debited.balanceAfterFen();
                movements++;
            }
        }
        return new AccountBalanceAsOf(accountId, at, balance, movements);
    }

    static PaymentStateAsOf payment(String outTradeNo, List<DomainEventMessage<?>> history, Instant at) {
        String status = "NONE";
        long paid = 0;
        long refunded = 0;
        for (DomainEventMessage<?> event : upTo(history, at)) {
            Object payload = event.getPayload();
            if (payload instanceof PaymentCreated) {
                status = "CREATED";
            } else if (payload instanceof PaymentSucceeded succeeded) {
                status = "PAID";
                paid = succeeded.amountFen();
            } else if (payload instanceof PaymentClosed) {
                status = "CLOSED";
            } else if (payload instanceof RefundSettled settled) {
                refunded = settled.refundedTotalFen();
                status = refunded >= paid ? "REFUNDED" : "PARTLY_REFUNDED";
            }
        }
        return new PaymentStateAsOf(outTradeNo, at, status, paid, refunded);
    }

    static BillStateAsOf bill(String billId, List<DomainEventMessage<?>> history, Instant at) {
        String status = "NONE";
        long total = 0;
        long paid = 0;
        long refunded = 0;
        for (DomainEventMessage<?> event : upTo(history, at)) {
            Object payload = event.getPayload();
            if (payload instanceof BillIssued issued) {
                status = "ISSUED";
                total = issued.totalFen();
            } else if (payload instanceof BillPaid billPaid) {
                status = "PAID";
                paid = billPaid.amountFen();
            } else if (payload instanceof BillVoided) {
                status = "VOIDED";
            } else if (payload instanceof BillItemRefunded itemRefunded) {
                refunded = itemRefunded.billRefundedFen();
                status = refunded >= paid ? "REFUNDED" : "PARTLY_REFUNDED";
            }
        }
        return new BillStateAsOf(billId, at, status, total, paid, refunded);
    }

    private static List<DomainEventMessage<?>> upTo(List<DomainEventMessage<?>> history, Instant at) {
        return history.stream().filter(event -> !event.getTimestamp().isAfter(at)).toList();
    }
}
