package com.yihuiliao.api.invoice;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.Instant;

/**
 * An issued e-invoice as lists show it (amount in fen): an {@code INVOICE} of a payment, or a
 * {@code CREDIT_NOTE} (红字票据) of one of its refunds, which names the refund and the invoice it cancels part of.
 */
public record InvoiceSummary(String invoiceNo, String kind, String outTradeNo, String outRefundNo,
                             String originalInvoiceNo, String patientId, long amountFen, PaymentPurpose purpose,
                             PaymentChannel channel, Instant issuedAt) {

    public static final String INVOICE = "INVOICE";
    public static final String CREDIT_NOTE = "CREDIT_NOTE";
}
