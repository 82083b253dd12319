package com.yihuiliao.command.invoice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.invoice.InvoiceIssued;
import com.yihuiliao.api.invoice.IssueInvoice;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The e-invoice (电子票据) of one successful payment, id {@code INV-<outTradeNo>}: issued once, with
 * one number; a repeat of the issue (a redelivered payment event) changes nothing and answers the first number.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Invoice {

    @AggregateIdentifier
    private String invoiceId;
    private String invoiceNo;
    private String outTradeNo;
    private long amountFen;

    protected Invoice() {
        // for Axon
    }

    /** Answers the invoice number. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public String handle(IssueInvoice cmd) {
        if (cmd.outTradeNo() == null || !IssueInvoice.invoiceIdFor(cmd.outTradeNo()).equals(cmd.invoiceId())) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "An invoice's id is INV-<outTradeNo>.");
        }
        if (invoiceNo != null) {
            if (amountFen != cmd.amountFen()) {
                throw new BusinessRuleViolation(ErrorCode.INVOICE_CONFLICT);
            }
            return invoiceNo;
        }
        if (cmd.invoiceNo() == null || !InvoiceNumbers.FORMAT.matcher(cmd.invoiceNo()).matches()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "The invoice number is not valid.");
        }
        if (cmd.amountFen() <= 0) {
            throw new BusinessRuleViolation(ErrorCode.INVALID_AMOUNT);
        }
        if (cmd.patientId() == null || cmd.purpose() == null || cmd.channel() == null || cmd.issuedAt() == null
                || cmd.objectKey() == null || cmd.objectKey().isBlank()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "An invoice needs its patient, purpose, "
                    + "channel, time and stored document.");
        }
        apply(new InvoiceIssued(cmd.invoiceId(), cmd.invoiceNo(), cmd.outTradeNo(), cmd.patientId(), cmd.amountFen(),
                cmd.purpose(), cmd.channel(), cmd.transactionId(), cmd.objectKey(), cmd.issuedAt()));
        return invoiceNo;
    }

    @EventSourcingHandler
    void on(InvoiceIssued event) {
        invoiceId = event.invoiceId();
        invoiceNo = event.invoiceNo();
        outTradeNo = event.outTradeNo();
        amountFen = event.amountFen();
    }
}
