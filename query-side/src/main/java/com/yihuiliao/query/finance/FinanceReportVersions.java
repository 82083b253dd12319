package com.yihuiliao.query.finance;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.bill.BillPaid;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RefundSettled;
import com.yihuiliao.projection.finance.FinanceProjection;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A version per business date of finance's figures, the key of their Redis cache ({@link CachedFinanceReports}).
 * It joins the finance projection's group, so it is raised by the events that change a date's summaries and in
 * the projection's own transaction: a reader sees the new version exactly when it sees the new rows, so a figure
 * cached before the change is never read after it (a version in Redis, raised after the commit, would leave a
 * window — and a Redis hiccup — in which an old figure is cached under the new version). Raised per date, not per
 * date and department: a month's summary reads every department's rows, and a busy day changes most of them.
 */
@Component
@ProcessingGroup(FinanceProjection.GROUP)
class FinanceReportVersions {

    private final JdbcTemplate jdbc;

    FinanceReportVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PaymentSucceeded e, @Timestamp Instant at) {
        if (e.purpose() == PaymentPurpose.REGISTRATION || e.purpose() == PaymentPurpose.EXAM) { // a consumption row
            raise(LocalDate.ofInstant(at, Clocks.HOSPITAL_ZONE));
        }
    }

    @EventHandler
    void on(BillPaid e, @Timestamp Instant at) {
        raise(LocalDate.ofInstant(at, Clocks.HOSPITAL_ZONE));
    }

    /** A refund counts on the day its payment was paid. */
    @EventHandler
    void on(RefundSettled e) {
        jdbc.queryForList("SELECT DISTINCT business_date FROM finance_consumption WHERE out_trade_no = ?",
                LocalDate.class, e.outTradeNo()).forEach(this::raise);
    }

    private void raise(LocalDate date) {
        if (jdbc.update("UPDATE finance_report_version SET version = version + 1 WHERE business_date = ?", date) == 0) {
            try {
                jdbc.update("INSERT INTO finance_report_version (business_date, version) VALUES (?, 1)", date);
            } catch (DuplicateKeyException meanwhile) {
                jdbc.update("UPDATE finance_report_version SET version = version + 1 WHERE business_date = ?", date);
            }
        }
    }

    /** The versions of a range as one number: each only rises and a new date adds one, so any change moves it. */
    long of(LocalDate from, LocalDate to) {
        Long sum = jdbc.queryForObject("SELECT COALESCE(SUM(version), 0) FROM finance_report_version "
                + "WHERE business_date >= ? AND business_date <= ?", Long.class, from, to);
        return sum == null ? 0 : sum;
    }
}
