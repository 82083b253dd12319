package com.yihuiliao.api.invoice;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.Instant;

/** An issued e-invoice as lists show it (amount in fen). */
public record InvoiceSummary(String invoiceNo, String outTradeNo, String patientId, long amountFen,
                             PaymentPurpose purpose, PaymentChannel channel, Instant issuedAt) {
}
