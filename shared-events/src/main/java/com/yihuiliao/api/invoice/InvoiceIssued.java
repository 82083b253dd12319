package com.yihuiliao.api.invoice;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.Instant;

public record InvoiceIssued(String invoiceId, String invoiceNo, String outTradeNo, String patientId, long amountFen,
                            PaymentPurpose purpose, PaymentChannel channel, String transactionId, String objectKey,
                            Instant issuedAt) implements InvoiceEvent {
}
