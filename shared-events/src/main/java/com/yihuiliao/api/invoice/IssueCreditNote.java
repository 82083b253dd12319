package com.yihuiliao.api.invoice;

import com.yihuiliao.api.Command;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records the red-letter e-invoice (红字票据) of one successful refund: it cancels {@code amountFen} of the
 * payment's invoice {@code originalInvoiceNo}, and its PDF is already stored under {@code objectKey}. One per
 * refund: a repeat is a no-op that answers the first number.
 */
public record IssueCreditNote(@TargetAggregateIdentifier String creditNoteId, String invoiceNo, String outRefundNo,
                              String outTradeNo, String originalInvoiceNo, String patientId, long amountFen,
                              PaymentPurpose purpose, PaymentChannel channel, String objectKey, Instant issuedAt)
        implements Command {

    /** The credit note aggregate's id: one per refund ({@code CRN-<outRefundNo>}). */
    public static String creditNoteIdFor(String outRefundNo) {
        return "CRN-" + outRefundNo;
    }
}
