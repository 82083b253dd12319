package com.yihuiliao.command.payment.wechatpay;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A day's trade bill (交易账单, type ALL) as WeChat Pay published it, amounts turned into fen. A payment and a
 * refund of one order are separate entries; a refund's status is as WeChat Pay knew it when the bill was made.
 * A day without any trade has no entries (WeChat Pay answers NO_STATEMENT_EXIST for it).
 *
 * @param date    the bill's business day (Asia/Shanghai)
 * @param entries the detail rows, in the bill's order
 */
public record TradeBill(LocalDate date, List<Entry> entries) {

    public TradeBill {
        entries = List.copyOf(entries);
    }

    /** What a row is: a payment (交易状态 SUCCESS) or a refund (REFUND). */
    public enum Kind { PAYMENT, REFUND }

    /**
     * One detail row.
     *
     * @param time          交易时间: a payment's success time, a refund's acceptance time (Shanghai)
     * @param outTradeNo    商户订单号
     * @param transactionId 微信订单号
     * @param outRefundNo   商户退款单号 (refunds only, else null)
     * @param refundStatus  退款状态 (refunds only: SUCCESS, PROCESSING, REFUNDCLOSE, CHANGE), else null
     * @param orderFen      订单金额
     * @param refundFen     申请退款金额 (0 for a payment)
     */
    public record Entry(Kind kind, LocalDateTime time, String outTradeNo, String transactionId, String outRefundNo,
                        String refundStatus, long orderFen, long refundFen) {

        /** The number the entry is known by on our side: the order's, or the refund's. */
        public String number() {
            return kind == Kind.PAYMENT ? outTradeNo : outRefundNo;
        }

        /** What the entry moved: the order's amount, or the refund asked. */
        public long amountFen() {
            return kind == Kind.PAYMENT ? orderFen : refundFen;
        }
    }
}
