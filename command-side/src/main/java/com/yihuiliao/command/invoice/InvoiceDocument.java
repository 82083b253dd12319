package com.yihuiliao.command.invoice;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;

/**
 * What an invoice PDF shows; a bill's invoice also lists what was charged ({@code lines}, else empty). A
 * credit note (红字票据) of a refund names the invoice it cancels part of ({@code originalInvoiceNo}) and the
 * refund ({@code outRefundNo}); both are null on an invoice.
 */
record InvoiceDocument(String invoiceNo, String outTradeNo, String transactionId, String patientName, long amountFen,
                       PaymentPurpose purpose, PaymentChannel channel, Instant issuedAt, List<Line> lines,
                       String originalInvoiceNo, String outRefundNo) {

    /** One charged item of a bill (收费明细). */
    record Line(String code, String name, int quantity, long unitPriceFen, long amountFen) {
    }

    InvoiceDocument(String invoiceNo, String outTradeNo, String transactionId, String patientName, long amountFen,
                    PaymentPurpose purpose, PaymentChannel channel, Instant issuedAt, List<Line> lines) {
        this(invoiceNo, outTradeNo, transactionId, patientName, amountFen, purpose, channel, issuedAt, lines, null,
                null);
    }

    InvoiceDocument(String invoiceNo, String outTradeNo, String transactionId, String patientName, long amountFen,
                    PaymentPurpose purpose, PaymentChannel channel, Instant issuedAt) {
        this(invoiceNo, outTradeNo, transactionId, patientName, amountFen, purpose, channel, issuedAt, List.of());
    }

    /** The red-letter invoice of a refund of {@code amountFen} against {@code originalInvoiceNo}. */
    static InvoiceDocument creditNote(String invoiceNo, String originalInvoiceNo, String outRefundNo, String outTradeNo,
                                      String patientName, long amountFen, PaymentPurpose purpose,
                                      PaymentChannel channel, Instant issuedAt) {
        return new InvoiceDocument(invoiceNo, outTradeNo, outRefundNo, patientName, amountFen, purpose, channel,
                issuedAt, List.of(), originalInvoiceNo, outRefundNo);
    }

    boolean isCreditNote() {
        return originalInvoiceNo != null;
    }

    static final String HOSPITAL = "医会聊示范医院";

    String title() {
        String title = purpose == PaymentPurpose.TOPUP ? "预交金收据" : "门诊收费电子票据";
        return isCreditNote() ? title + "（红字）" : title;
    }

    String purposeLabel() {
        return switch (purpose) {
            case REGISTRATION -> "挂号费";
            case TOPUP -> "门诊预交金";
            case BILL -> "门诊缴费";
            case EXAM -> "体检费";
        };
    }

    String channelLabel() {
        return switch (channel) {
            case BALANCE -> "门诊余额";
            case WECHAT -> "微信支付";
            case COUNTER -> "窗口收费";
        };
    }

    /** 校验码: 20 digits that follow from the number, the order, the amount and the time, in groups of five. */
    String checkCode() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((invoiceNo + "|" + outTradeNo + "|" + amountFen
                    + "|" + issuedAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
            String digits = String.format("%020d", new BigInteger(1, digest).mod(BigInteger.TEN.pow(20)));
            return String.join(" ", digits.substring(0, 5), digits.substring(5, 10), digits.substring(10, 15),
                    digits.substring(15));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
