package com.yihuiliao.command.invoice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.invoice.CreditNoteIssued;
import com.yihuiliao.api.invoice.IssueCreditNote;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The red-letter e-invoice (红字票据) of one refund, id {@code CRN-<outRefundNo>}: issued once, with one
 * number, against the payment's invoice; a repeat changes nothing and answers the first number.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class CreditNote {

    @AggregateIdentifier
    private String creditNoteId;
    private String invoiceNo;
    private long amountFen;

    protected CreditNote() {
        // for Axon
    }

    /** Answers the credit note's number. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(IssueCreditNote cmd) {
        if (cmd.outRefundNo() == null || !IssueCreditNote.creditNoteIdFor(cmd.outRefundNo()).equals(cmd.creditNoteId())) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "A credit note's id is CRN-<outRefundNo>.");
        }
        if (invoiceNo != null) {
            if (amountFen != cmd.amountFen()) {
                throw new BusinessRuleViolation(ErrorCode.INVOICE_CONFLICT);
            }
            return invoiceNo;
        }
        if (cmd.invoiceNo() == null || !InvoiceNumbers.FORMAT.matcher(cmd.invoiceNo()).matches()
                || cmd.originalInvoiceNo() == null || !InvoiceNumbers.FORMAT.matcher(cmd.originalInvoiceNo()).matches()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "A credit note has a valid number and names the invoice it cancels.");
        }
        if (cmd.amountFen() <= 0) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT);
        }
        if (cmd.outTradeNo() == null || cmd.patientId() == null || cmd.purpose() == null || cmd.channel() == null
                || cmd.issuedAt() == null || cmd.objectKey() == null || cmd.objectKey().isBlank()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "A credit note needs its payment, patient, "
                    + "purpose, channel, time and stored document.");
        }
        apply(new CreditNoteIssued(cmd.creditNoteId(), cmd.invoiceNo(), cmd.outRefundNo(), cmd.outTradeNo(),
                cmd.originalInvoiceNo(), cmd.patientId(), cmd.amountFen(), cmd.purpose(), cmd.channel(),
                cmd.objectKey(), cmd.issuedAt()));
        return invoiceNo;
    }

    @EventSourcingHandler
    void on(CreditNoteIssued event) {
        creditNoteId = event.creditNoteId();
        invoiceNo = event.invoiceNo();
        amountFen = event.amountFen();
    }
}
