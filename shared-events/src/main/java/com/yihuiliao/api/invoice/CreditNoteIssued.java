package com.yihuiliao.api.invoice;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.Instant;

/** A refund's red-letter e-invoice (红字票据) was issued against the payment's invoice. */
public record CreditNoteIssued(String creditNoteId, String invoiceNo, String outRefundNo, String outTradeNo,
                               String originalInvoiceNo, String patientId, long amountFen, PaymentPurpose purpose,
                               PaymentChannel channel, String objectKey, Instant issuedAt) implements InvoiceEvent {
}
