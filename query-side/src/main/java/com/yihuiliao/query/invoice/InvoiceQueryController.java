package com.yihuiliao.query.invoice;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.ResourceId;
import com.yihuiliao.api.invoice.FindInvoiceFile;
import com.yihuiliao.api.invoice.FindInvoices;
import com.yihuiliao.api.invoice.FindPatientInvoices;
import com.yihuiliao.api.invoice.InvoiceFile;
import com.yihuiliao.api.invoice.InvoiceSummary;
import com.yihuiliao.query.DownloadLinks;
import com.yihuiliao.query.DateRanges;
import com.yihuiliao.query.Reads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Invoices", description = "E-invoices (电子票据) of my patients' payments (patients), and the invoice list (staff)")
class InvoiceQueryController {

    private static final String INVOICE_NO = "^YHL\\d{16,24}$";

    private final Reads reads;
    private final DownloadLinks links;

    InvoiceQueryController(Reads reads, DownloadLinks links) {
        this.reads = reads;
        this.links = links;
    }

    @GetMapping("/api/me/invoices")
    @Operation(summary = "E-invoices of one of my patients, newest first")
    ListPage<InvoiceSummary> mine(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                                  @RequestParam @ResourceId String patientId,
                                  @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                                  @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        return reads.pageOfMyPatient(jwt, patientId, InvoiceSummary.class,
                () -> new FindPatientInvoices(patientId, cursor, ListPage.size(size)));
    }

    @GetMapping("/api/me/invoices/{invoiceNo}/download-link")
    @Operation(summary = "A link to download one of my invoices as PDF, valid for 10 minutes")
    DownloadLinks.DownloadLink downloadLink(@Parameter(hidden = true) @AuthenticationPrincipal Jwt jwt,
                              @PathVariable @Pattern(regexp = INVOICE_NO) String invoiceNo) {
        InvoiceFile file = reads.oneOfMyPatients(jwt, new FindInvoiceFile(invoiceNo), InvoiceFile.class,
                InvoiceFile::patientId, ErrorCode.INVOICE_NOT_FOUND);
        return links.of(file.objectKey(), "invoice " + invoiceNo, ErrorCode.OBJECT_STORAGE_UNAVAILABLE);
    }

    @GetMapping("/api/admin/invoices")
    @Operation(summary = "Staff: invoices issued from one Shanghai date to another (inclusive; default the last 30 days), "
            + "of one patient or all, newest first")
    ListPage<InvoiceSummary> list(@RequestParam(required = false) @ResourceId String patientId,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                              @Parameter(description = ListPage.SIZE_DOC) @RequestParam(required = false) Integer size,
                              @Parameter(description = ListPage.CURSOR_DOC) @RequestParam(required = false) String cursor) {
        LocalDate last = to != null ? to : LocalDate.now(Clocks.HOSPITAL_ZONE);
        LocalDate first = from != null ? from : last.minusDays(30);
        DateRanges.requireOrdered(first, last);
        return reads.page(new FindInvoices(patientId, first.atStartOfDay(Clocks.HOSPITAL_ZONE).toInstant(),
                        last.plusDays(1).atStartOfDay(Clocks.HOSPITAL_ZONE).toInstant(), cursor, ListPage.size(size)),
                InvoiceSummary.class);
    }
}
