package com.yihuiliao.command.invoice;

import com.yihuiliao.api.Clocks;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invoice numbers: {@code YHL} + the document's Shanghai date (yyyyMMdd) + an 8-digit sequence from
 * {@code invoice_number} (one row per out_trade_no, or out_refund_no for a credit note), shared by invoices
 * and credit notes and without gaps (taken under the {@code invoice_counter} row's lock). The row is
 * committed in a transaction of its own, so a payment keeps its number even when a later step fails and the
 * event is handled again; the date comes from the event's own timestamp, so a repeat yields the same number.
 */
@Component
class InvoiceNumbers {

    static final Pattern FORMAT = Pattern.compile("^YHL\\d{8}\\d{8,}$");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    InvoiceNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String numberFor(String outTradeNo, Instant paidAt) {
        Long seq = ownTransaction.execute(status -> {
            // the counter row's lock makes numberings one at a time: the check below sees any number just given
            jdbc.update("UPDATE invoice_counter SET last_seq = last_seq WHERE id = 1");
            List<Long> known = jdbc.queryForList("SELECT seq FROM invoice_number WHERE out_trade_no = ?", Long.class,
                    outTradeNo);
            if (!known.isEmpty()) {
                return known.get(0);
            }
            jdbc.update("UPDATE invoice_counter SET last_seq = last_seq + 1 WHERE id = 1");
            long next = jdbc.queryForObject("SELECT last_seq FROM invoice_counter WHERE id = 1", Long.class);
            jdbc.update("INSERT INTO invoice_number (out_trade_no, seq, created_at) VALUES (?, ?, ?)", outTradeNo, next,
                    LocalDateTime.ofInstant(paidAt, ZoneOffset.UTC));
            return next;
        });
        return format(paidAt, seq);
    }

    static String format(Instant paidAt, long seq) {
        return "YHL" + DAY.format(paidAt.atZone(Clocks.HOSPITAL_ZONE)) + String.format("%08d", seq);
    }
}
