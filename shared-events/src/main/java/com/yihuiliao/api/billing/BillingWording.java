package com.yihuiliao.api.billing;

import com.yihuiliao.api.payment.CloseReason;
import com.yihuiliao.api.refund.RefundFailure;
import com.yihuiliao.api.refund.RefundReason;

/**
 * The billing records' reasons as a person reads them, in their language (Chinese, or English): events and
 * read models keep only codes and data, so a stored reason is never half one language and half another. A
 * person's own words (the note) are quoted as they were typed. The query API words the records it answers;
 * the command side words a refund's reason for WeChat Pay, which shows it to the payer (in Chinese).
 */
public final class BillingWording {

    private BillingWording() {
    }

    public static String refundReason(RefundReason code, String note, boolean english) {
        String given = blank(note) ? null : note;
        if (code == null) {
            return given;
        }
        String words = switch (code) {
            case STAFF_REFUND -> given != null ? null : english ? "refund by the hospital" : "医院退款";
            case APPOINTMENT_CANCELLED -> english ? "appointment cancelled" : "预约取消";
            case LATE_AFTER_EXPIRY -> english ? "late payment: payment arrived after the hold expired"
                    : "逾期支付：付款时号源保留已过期";
            case LATE_AFTER_CANCELLATION -> english ? "late payment: payment arrived after the appointment was cancelled"
                    : "逾期支付：付款时预约已取消";
            case LATE_ALREADY_PAID -> english ? "late payment: the appointment was already paid by another payment"
                    : "重复支付：该预约已由另一笔付款支付";
            case BILL_LATE_ALREADY_PAID -> english ? "late payment: the bill was already paid by another payment"
                    : "重复支付：该账单已由另一笔付款支付";
            case BILL_LATE_VOIDED -> english ? "late payment: the bill was voided" : "逾期支付：账单已作废";
            case WITHDRAWAL -> english ? "balance withdrawal" : "余额退款";
            case OTHER -> null;
            case EXAM_CANCELLED -> english ? "exam booking cancelled" : "体检预约取消";
            case DISCHARGE_SETTLEMENT -> english ? "discharge settlement: the deposit left" : "出院结算退还押金余额";
        };
        if (words == null) {
            return given;
        }
        return given == null ? words : words + (english ? ": " : "：") + given;
    }

    public static String refundFailure(RefundFailure code, String detail, boolean english) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case CLOSED_BY_WECHAT -> english ? "closed by WeChat Pay" : "微信支付已关闭此退款";
            case REFUSED_BY_WECHAT -> (english ? "refused by WeChat Pay" : "微信支付拒绝退款")
                    + (blank(detail) ? "" : (english ? ": " : "：") + detail);
            case OTHER -> detail;
        };
    }

    /** What the channel said of a finished refund; null while none is known. */
    public static String refundResult(Long balanceAfterFen, String weChatRefundId, String receivedBy, String note,
                                      boolean english) {
        if (balanceAfterFen != null) {
            return english ? "credited to the outpatient balance (" + yuan(balanceAfterFen) + " yuan after)"
                    : "已退回门诊余额（退款后余额 " + yuan(balanceAfterFen) + " 元）";
        }
        if (weChatRefundId != null) {
            String to = blank(receivedBy) ? "" : english ? " to " + receivedBy : "，退至" + receivedBy;
            return (english ? "WeChat Pay refund " : "微信支付退款 ") + weChatRefundId + to;
        }
        return note;
    }

    public static String closeReason(CloseReason code, String detail, boolean english) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case HOLD_EXPIRED -> english ? "hold expired" : "号源保留已过期";
            case ORDER_EXPIRED -> english ? "unpaid: the order expired" : "订单超时未支付";
            case SWITCHED_TO_BALANCE -> english ? "closed to pay from the balance" : "已改用余额支付";
            case CLOSED_AT_WECHAT -> (english ? "closed at WeChat Pay" : "微信支付已关闭订单")
                    + (blank(detail) ? "" : (english ? ": " : "：") + detail);
            case OTHER -> detail;
        };
    }

    public static RefundRecord worded(RefundRecord refund, boolean english) {
        return refund.withWords(refundReason(refund.reasonCode(), refund.reasonNote(), english),
                refundFailure(refund.failureCode(), refund.failureDetail(), english),
                refundResult(refund.balanceAfterFen(), refund.weChatRefundId(), refund.receivedBy(),
                        refund.channelNote(), english));
    }

    public static PaymentRecord worded(PaymentRecord payment, boolean english) {
        return payment.withCloseReason(closeReason(payment.closeReasonCode(), payment.closeDetail(), english));
    }

    /** Fen as yuan with two decimals: 20650 → 206.50. */
    static String yuan(long fen) {
        return (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "." + String.format("%02d", Math.abs(fen) % 100);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
