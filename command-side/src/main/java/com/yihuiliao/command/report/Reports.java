package com.yihuiliao.command.report;

import static com.yihuiliao.command.integration.ExternalRecords.blankToNull;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.report.AmendReport;
import com.yihuiliao.api.report.RecordReport;
import com.yihuiliao.api.report.ReleaseReport;
import com.yihuiliao.api.report.ReportContent;
import com.yihuiliao.api.report.ReportItem;
import com.yihuiliao.command.integration.ExternalRecords;
import com.yihuiliao.command.patient.Patients;
import com.yihuiliao.storage.ObjectStorageException;
import com.yihuiliao.storage.OssStorage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Records, releases and amends reports, from the integration API and from staff alike. A PDF is stored before
 * the command, under a key that follows from its own hash, so a repeated push writes the same object again and
 * a refused one leaves no state behind (at most an object no report names).
 */
@Service
class Reports {

    static final int TITLE_MAX = 100;
    static final int TEXT_MAX = 5000;
    static final int ITEMS_MAX = 200;
    static final int PDF_MAX_BYTES = 10 * 1024 * 1024;
    static final int PDF_BASE64_MAX = (PDF_MAX_BYTES / 3 + 1) * 4;
    /** The sources' clocks may run a little ahead of ours. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    private static final String PREFIX = "RP";
    private static final Logger log = LoggerFactory.getLogger(Reports.class);

    /** What a push or an entry answers; {@code repeated} when the external number had recorded it before. */
    record RecordedReport(String reportId, boolean repeated) {
    }

    private final CommandGateway commands;
    private final Patients patients;
    private final OssStorage storage;
    private final Clock clock = Clock.systemUTC();

    Reports(CommandGateway commands, Patients patients, OssStorage storage) {
        this.commands = commands;
        this.patients = patients;
        this.storage = storage;
    }

    /** The report id of a source's report number: the same number, the same report. */
    static String reportIdOf(String source, String externalNo) {
        return ExternalRecords.idOf(PREFIX, source, externalNo);
    }

    RecordedReport record(String source, ReportRequest request, String actor) {
        if (!patients.isLive(request.patientId())) {
            throw new BusinessRuleViolation(ErrorCode.PATIENT_NOT_FOUND);
        }
        String reportId = reportIdOf(source, request.externalNo());
        ReportContent content = content(reportId, request.title(), request.reportedAt(), request.items(),
                request.findings(), request.conclusion(), request.pdfBase64());
        String fingerprint = ExternalRecords.fingerprint(request.patientId(), request.type(), content);
        boolean recorded = commands.sendAndWait(new RecordReport(reportId, request.patientId(), request.type(), source,
                request.externalNo(), content, fingerprint, request.release(), actor));
        if (recorded) {
            log.info("{} recorded report {} ({} from {}, {} items)", actor, reportId, request.type(), source,
                    content.items().size());
        }
        return new RecordedReport(reportId, !recorded);
    }

    void release(String reportId, String actor) {
        ExternalRecords.known(reportId, PREFIX, ErrorCode.REPORT_NOT_FOUND,
                () -> commands.sendAndWait(new ReleaseReport(reportId, actor)));
    }

    int amend(String reportId, ReportRequest.Amendment amendment, String actor) {
        ExternalRecords.known(reportId, PREFIX, ErrorCode.REPORT_NOT_FOUND, () -> null);
        ReportContent content = content(reportId, amendment.title(), amendment.reportedAt(), amendment.items(),
                amendment.findings(), amendment.conclusion(), amendment.pdfBase64());
        return ExternalRecords.known(reportId, PREFIX, ErrorCode.REPORT_NOT_FOUND,
                () -> commands.sendAndWait(new AmendReport(reportId, content, amendment.reason(), actor)));
    }

    private ReportContent content(String reportId, String title, java.time.Instant reportedAt,
                                  List<ReportRequest.ItemRequest> items, String findings, String conclusion,
                                  String pdfBase64) {
        if (reportedAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "reportedAt",
                    "reportedAt is in the future.");
        }
        List<ReportItem> results = items == null ? List.of() : items.stream()
                .map(i -> new ReportItem(i.name(), i.value(), blankToNull(i.unit()), blankToNull(i.referenceRange()),
                        i.flag()))
                .toList();
        String objectKey = pdfBase64 == null || pdfBase64.isBlank() ? null : storePdf(reportId, pdfBase64);
        return new ReportContent(title, reportedAt, results, blankToNull(findings), blankToNull(conclusion), objectKey);
    }

    private String storePdf(String reportId, String pdfBase64) {
        byte[] pdf;
        try {
            pdf = Base64.getMimeDecoder().decode(pdfBase64);
        } catch (IllegalArgumentException e) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "pdfBase64", "pdfBase64 is not base64.");
        }
        if (pdf.length > PDF_MAX_BYTES || pdf.length < 5
                || !new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "pdfBase64",
                    "pdfBase64 is not a PDF of at most 10 MB.");
        }
        String key = "reports/" + reportId + "/" + ExternalRecords.sha256(pdf) + ".pdf";
        try {
            storage.put(key, pdf, "application/pdf");
        } catch (ObjectStorageException | IllegalStateException e) {
            log.warn("Report {}'s PDF not stored: {}", reportId, e.getMessage());
            throw new BusinessRuleViolation(ErrorCode.DOCUMENT_STORAGE_UNAVAILABLE);
        }
        return key;
    }
}
