package com.yihuiliao.command.reconciliation;

import com.yihuiliao.command.payment.wechatpay.TradeBill;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of 对账, without I/O: a day's trade bill against our WeChat payments and refunds of that day, every
 * difference sorted into exactly one {@link Kind}. A payment or refund is matched by its number (out_trade_no,
 * out_refund_no). One on WeChat Pay's bill that we recorded on the neighbouring day (a notification across
 * midnight) is looked up by number before it counts as missing. A refund's status on the bill is WeChat Pay's
 * snapshot when the bill was made: PROCESSING (or CHANGE, abnormal) agrees with any of ours; SUCCESS must be our
 * SUCCEEDED, REFUNDCLOSE our FAILED.
 */
public final class Comparison {

    private Comparison() {
    }

    /** What kind of difference. Checked in this order for an entry both sides have: status, then amount. */
    public enum Kind { MISSING_OURS, MISSING_WECHAT, AMOUNT_DIFFERS, STATUS_DIFFERS }

    /**
     * One of ours: a WeChat payment (status PAID, CREATED, CLOSED) or refund (REQUESTED, SUCCEEDED, FAILED).
     */
    record Ours(TradeBill.Kind type, String number, String outTradeNo, long amountFen, String status) {
    }

    /** One difference; the amounts and statuses of a side that lacks the entry are null. */
    record Difference(Kind kind, TradeBill.Kind type, String number, String outTradeNo, Long weChatFen, Long ourFen,
                      String weChatStatus, String ourStatus) {
    }

    record Key(TradeBill.Kind type, String number) {
    }

    static List<Difference> compare(TradeBill bill, List<Ours> oursOfDay, Function<Key, Optional<Ours>> elsewhere) {
        Map<Key, Ours> ours = new LinkedHashMap<>();
        oursOfDay.forEach(o -> ours.put(new Key(o.type(), o.number()), o));
        List<Difference> differences = new ArrayList<>();
        for (TradeBill.Entry entry : bill.entries()) {
            Key key = new Key(entry.kind(), entry.number());
            Ours mine = ours.remove(key);
            if (mine == null) {
                mine = elsewhere.apply(key).orElse(null);
            }
            String theirs = entry.kind() == TradeBill.Kind.PAYMENT ? "SUCCESS" : entry.refundStatus();
            if (mine == null) {
                differences.add(new Difference(Kind.MISSING_OURS, entry.kind(), entry.number(), entry.outTradeNo(),
                        entry.amountFen(), null, theirs, null));
            } else if (!agrees(entry, mine)) {
                differences.add(new Difference(Kind.STATUS_DIFFERS, entry.kind(), entry.number(), entry.outTradeNo(),
                        entry.amountFen(), mine.amountFen(), theirs, mine.status()));
            } else if (entry.amountFen() != mine.amountFen()) {
                differences.add(new Difference(Kind.AMOUNT_DIFFERS, entry.kind(), entry.number(), entry.outTradeNo(),
                        entry.amountFen(), mine.amountFen(), theirs, mine.status()));
            }
        }
        for (Ours missing : ours.values()) {
            differences.add(new Difference(Kind.MISSING_WECHAT, missing.type(), missing.number(), missing.outTradeNo(),
                    null, missing.amountFen(), null, missing.status()));
        }
        return differences;
    }

    private static boolean agrees(TradeBill.Entry entry, Ours mine) {
        if (entry.kind() == TradeBill.Kind.PAYMENT) {
            return "PAID".equals(mine.status());
        }
        return switch (entry.refundStatus() == null ? "" : entry.refundStatus()) {
            case "SUCCESS" -> "SUCCEEDED".equals(mine.status());
            case "REFUNDCLOSE" -> "FAILED".equals(mine.status());
            default -> true; // PROCESSING, CHANGE: a snapshot that any later state of ours may follow
        };
    }
}
