package com.yihuiliao.api.invoice;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the e-invoice (电子票据) of one successful payment, whose PDF is already stored under
 * {@code objectKey}. One invoice per payment: a repeat is a no-op that answers the first invoice number.
 */
public record IssueInvoice(@TargetAggregateIdentifier String invoiceId, String invoiceNo, String outTradeNo,
                           String patientId, long amountFen, PaymentPurpose purpose, PaymentChannel channel,
                           String transactionId, String objectKey, Instant issuedAt) implements Command {

    /** The invoice aggregate's id: one per payment ({@code INV-<outTradeNo>}, apart from the payment's own id). */
    public static String invoiceIdFor(String outTradeNo) {
        return "INV-" + outTradeNo;
    }
}
