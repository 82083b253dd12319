package com.yihuiliao.command.report;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.report.AmendReport;
import com.yihuiliao.api.report.RecordReport;
import com.yihuiliao.api.report.ReleaseReport;
import com.yihuiliao.api.report.ReportAmended;
import com.yihuiliao.api.report.ReportContent;
import com.yihuiliao.api.report.ReportRecorded;
import com.yihuiliao.api.report.ReportReleased;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A lab or imaging report (检验 / 检查 报告), id derived from its source and external number: recorded once
 * (the same push again changes nothing; the same number with other content is a conflict), released once
 * (审核发布: from then on its patient sees it), amended with a reason any number of times, each amendment one
 * version more.
 */
@Aggregate
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public class Report {

    @AggregateIdentifier
    private String reportId;
    private String patientId;
    private String fingerprint;
    private boolean released;
    private int version;
    private String objectKey;

    protected Report() {
        // for Axon
    }

    /** Answers whether this recorded it now (false: the same push again, nothing changed). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordReport cmd) {
        if (patientId != null) {
            if (!patientId.equals(cmd.patientId()) || !fingerprint.equals(cmd.fingerprint())) {
                throw new BusinessRuleViolation(ErrorCode.IDEMPOTENCY_CONFLICT, "This external number already "
                        + "recorded a different report; amend that report instead.");
            }
            return false;
        }
        if (cmd.patientId() == null || cmd.type() == null || cmd.content() == null || cmd.fingerprint() == null
                || cmd.content().title() == null || cmd.content().reportedAt() == null) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "A report needs its patient, type, title and report time.");
        }
        apply(new ReportRecorded(cmd.reportId(), cmd.patientId(), cmd.type(), cmd.source(), cmd.externalNo(),
                cmd.content(), cmd.fingerprint(), cmd.actor()));
        if (cmd.release()) {
            apply(new ReportReleased(cmd.reportId(), cmd.patientId(), cmd.actor()));
        }
        return true;
    }

    @CommandHandler
    public void handle(ReleaseReport cmd) {
        if (!released) {
            apply(new ReportReleased(reportId, patientId, cmd.actor()));
        }
    }

    /** Answers the new version. */
    @CommandHandler
    public int handle(AmendReport cmd) {
        if (cmd.content() == null || cmd.content().title() == null || cmd.content().reportedAt() == null
                || cmd.reason() == null || cmd.reason().isBlank()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "An amendment gives the whole corrected report and why.");
        }
        ReportContent content = cmd.content();
        if (content.objectKey() == null && objectKey != null) {
            // an amendment without a PDF keeps the one the report had
            content = new ReportContent(content.title(), content.reportedAt(), content.items(), content.findings(),
                    content.conclusion(), objectKey);
        }
        apply(new ReportAmended(reportId, patientId, version + 1, content, cmd.reason(), cmd.actor()));
        return version;
    }

    @EventSourcingHandler
    void on(ReportRecorded event) {
        reportId = event.reportId();
        patientId = event.patientId();
        fingerprint = event.fingerprint();
        version = 1;
        objectKey = event.content().objectKey();
    }

    @EventSourcingHandler
    void on(ReportReleased event) {
        released = true;
    }

    @EventSourcingHandler
    void on(ReportAmended event) {
        version = event.version();
        objectKey = event.content().objectKey();
    }
}
