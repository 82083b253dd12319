package com.yihuiliao.command.invoice;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.bill.BillItem;
import com.yihuiliao.api.bill.DescribeBillItems;
import com.yihuiliao.api.invoice.IssueCreditNote;
import com.yihuiliao.api.invoice.IssueInvoice;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.refund.RefundSucceeded;
import com.yihuiliao.command.lookup.StoredAggregates;
import com.yihuiliao.command.payment.PaymentOrder;
import com.yihuiliao.command.payment.PaymentOrders;
import com.yihuiliao.storage.OssStorage;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every successful payment gets its e-invoice: a number (kept per order, so a redelivered event gets
 * the same one), the PDF rendered and stored in OSS under {@code invoices/yyyy/MM/dd/<invoiceNo>.pdf}
 * (a PUT of the same key replaces it), then {@link IssueInvoice}, which the aggregate takes once. Every
 * successful refund gets a red-letter invoice (红字票据) the same way ({@link IssueCreditNote}).
 * Rendering and storing are I/O and happen here, never inside the aggregate. A failure (OSS down)
 * leaves the event in the group's dead-letter queue.
 */
@Component
@ProcessingGroup(InvoiceProcess.GROUP)
@DisallowReplay
class InvoiceProcess {

    static final String GROUP = "invoice-process";
    private static final Logger log = LoggerFactory.getLogger(InvoiceProcess.class);
    private static final DateTimeFormatter KEY_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final InvoiceNumbers numbers;
    private final InvoicePdf pdf;
    private final OssStorage storage;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final StoredAggregates storedAggregates;
    private final PaymentOrders paymentOrders;

    InvoiceProcess(InvoiceNumbers numbers, InvoicePdf pdf, OssStorage storage, CommandGateway commands,
                   JdbcTemplate jdbc, StoredAggregates storedAggregates, PaymentOrders paymentOrders) {
        this.numbers = numbers;
        this.pdf = pdf;
        this.storage = storage;
        this.commands = commands;
        this.jdbc = jdbc;
        this.storedAggregates = storedAggregates;
        this.paymentOrders = paymentOrders;
    }

    @EventHandler
    void on(PaymentSucceeded payment, @Timestamp Instant paidAt) {
        String invoiceNo = numbers.numberFor(payment.outTradeNo(), paidAt);
        String objectKey = objectKey(invoiceNo, paidAt);
        byte[] document = pdf.render(new InvoiceDocument(invoiceNo, payment.outTradeNo(), payment.transactionId(),
                patientName(payment.patientId()), payment.amountFen(), payment.purpose(), payment.channel(), paidAt,
                payment.purpose() == PaymentPurpose.BILL ? billLines(payment.referenceId()) : List.of()));
        storage.put(objectKey, document, "application/pdf");
        String issued = commands.sendAndWait(new IssueInvoice(IssueInvoice.invoiceIdFor(payment.outTradeNo()),
                invoiceNo, payment.outTradeNo(), payment.patientId(), payment.amountFen(), payment.purpose(),
                payment.channel(), payment.transactionId(), objectKey, paidAt));
        log.info("Invoice {} for order {} ({} bytes, {})", issued, payment.outTradeNo(), document.length, objectKey);
    }

    /**
     * A refund went through: a red-letter invoice (红字票据) of its amount against the payment's invoice. The
     * payment's invoice number follows from the order and the day it was paid, so it is the same whether or
     * not the payment's own invoice has been made yet.
     */
    @EventHandler
    void on(RefundSucceeded refund, @Timestamp Instant refundedAt) {
        PaymentOrder created = paymentOrders.find(refund.outTradeNo()).orElse(null);
        Instant paidAt = created == null ? null : created.paidAt();
        if (paidAt == null) {
            log.warn("Refund {} names no paid order {}: no credit note", refund.outRefundNo(), refund.outTradeNo());
            return;
        }
        String originalNo = numbers.numberFor(refund.outTradeNo(), paidAt);
        String creditNo = numbers.numberFor(refund.outRefundNo(), refundedAt);
        String objectKey = objectKey(creditNo, refundedAt);
        byte[] document = pdf.render(InvoiceDocument.creditNote(creditNo, originalNo, refund.outRefundNo(),
                refund.outTradeNo(), patientName(created.patientId()), refund.amountFen(), created.purpose(),
                created.channel(), refundedAt));
        storage.put(objectKey, document, "application/pdf");
        String issued = commands.sendAndWait(new IssueCreditNote(IssueCreditNote.creditNoteIdFor(refund.outRefundNo()),
                creditNo, refund.outRefundNo(), refund.outTradeNo(), originalNo, created.patientId(),
                refund.amountFen(), created.purpose(), created.channel(), objectKey, refundedAt));
        log.info("Credit note {} for refund {} of invoice {} ({})", issued, refund.outRefundNo(), originalNo, objectKey);
    }

    static String objectKey(String invoiceNo, Instant issuedAt) {
        return "invoices/" + KEY_DAY.format(issuedAt.atZone(Clocks.HOSPITAL_ZONE)) + "/" + invoiceNo + ".pdf";
    }

    /** What the bill charged, as it was issued: the bill answers. */
    private List<InvoiceDocument.Line> billLines(String billId) {
        if (!storedAggregates.exists(billId)) {
            log.warn("Bill {} is not stored: its invoice lists no lines", billId);
            return List.of();
        }
        List<BillItem> items = commands.sendAndWait(new DescribeBillItems(billId));
        return items.stream().map(item -> new InvoiceDocument.Line(item.code(), item.name(), item.quantity(),
                item.unitPriceFen(), item.amountFen())).toList();
    }

    /** The patient's real name as registered (the invoice is the patient's own document); removed patients too. */
    private String patientName(String patientId) {
        List<String> names = jdbc.queryForList("SELECT real_name FROM patient WHERE id = ?", String.class, patientId);
        return names.isEmpty() ? "—" : names.get(0);
    }
}
