package com.yihuiliao.projection.invoice;

import com.yihuiliao.api.invoice.CreditNoteIssued;
import com.yihuiliao.api.invoice.FindInvoiceFile;
import com.yihuiliao.api.invoice.FindInvoices;
import com.yihuiliao.api.invoice.FindPatientInvoices;
import com.yihuiliao.api.invoice.InvoiceFile;
import com.yihuiliao.api.invoice.InvoiceIssued;
import com.yihuiliao.api.invoice.InvoiceSummary;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.projection.Keyset;
import com.yihuiliao.projection.Utc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Issued invoices and red-letter invoices (credit notes), listed together. Each is issued once and never
 * changes, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(InvoiceProjection.GROUP)
public class InvoiceProjection {

    public static final String GROUP = "invoice-view";
    /** Invoices and credit notes as one list. */
    private static final String ALL = "(SELECT invoice_no, '" + InvoiceSummary.INVOICE + "' AS kind, out_trade_no, "
            + "CAST(NULL AS CHAR(32)) AS out_refund_no, CAST(NULL AS CHAR(32)) AS original_invoice_no, patient_id, "
            + "amount_fen, purpose, channel, issued_at, object_key FROM invoice_view "
            + "UNION ALL SELECT invoice_no, '" + InvoiceSummary.CREDIT_NOTE + "', out_trade_no, out_refund_no, "
            + "original_invoice_no, patient_id, amount_fen, purpose, channel, issued_at, object_key "
            + "FROM credit_note_view) documents";

    private static final Keyset<InvoiceSummary> ORDER = new Keyset<>("invoices",
            i -> new Object[]{i.issuedAt(), i.invoiceNo()},
            Keyset.desc("issued_at", Keyset.Type.INSTANT), Keyset.desc("invoice_no", Keyset.Type.STRING));

    private final JdbcTemplate jdbc;

    InvoiceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(InvoiceIssued e) {
        try {
            jdbc.update("INSERT INTO invoice_view (invoice_no, out_trade_no, patient_id, amount_fen, purpose, channel, "
                            + "object_key, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e.invoiceNo(), e.outTradeNo(),
                    e.patientId(), e.amountFen(), e.purpose().name(), e.channel().name(), e.objectKey(),
                    Utc.of(e.issuedAt()));
        } catch (DuplicateKeyException alreadyThere) {
            // redelivered
        }
    }

    @EventHandler
    void on(CreditNoteIssued e) {
        try {
            jdbc.update("INSERT INTO credit_note_view (invoice_no, out_refund_no, out_trade_no, original_invoice_no, "
                            + "patient_id, amount_fen, purpose, channel, object_key, issued_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.invoiceNo(), e.outRefundNo(), e.outTradeNo(),
                    e.originalInvoiceNo(), e.patientId(), e.amountFen(), e.purpose().name(), e.channel().name(),
                    e.objectKey(), Utc.of(e.issuedAt()));
        } catch (DuplicateKeyException alreadyThere) {
            // redelivered
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM invoice_view");
        jdbc.update("DELETE FROM credit_note_view");
    }

    @QueryHandler
    ListPage<InvoiceSummary> handle(FindPatientInvoices q) {
        return page(" WHERE patient_id = ?", List.of(q.patientId()), q.cursor(), q.size());
    }

    @QueryHandler
    ListPage<InvoiceSummary> handle(FindInvoices q) {
        StringBuilder where = new StringBuilder(" WHERE issued_at >= ? AND issued_at < ?");
        List<Object> args = new ArrayList<>(List.of(Utc.of(q.from()), Utc.of(q.to())));
        if (q.patientId() != null) {
            where.append(" AND patient_id = ?");
            args.add(q.patientId());
        }
        return page(where.toString(), args, q.cursor(), q.size());
    }

    private ListPage<InvoiceSummary> page(String where, List<Object> args, String cursor, int size) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM " + ALL + where, Long.class, args.toArray());
        return ORDER.page(jdbc, "SELECT * FROM " + ALL, where, args, InvoiceProjection::summary, cursor, size,
                total == null ? 0 : total, null);
    }

    @QueryHandler
    InvoiceFile handle(FindInvoiceFile query) {
        return jdbc.query("SELECT invoice_no, patient_id, object_key FROM " + ALL + " WHERE invoice_no = ?",
                (rs, row) -> new InvoiceFile(rs.getString("invoice_no"), rs.getString("patient_id"),
                        rs.getString("object_key")), query.invoiceNo()).stream().findFirst().orElse(null);
    }

    private static InvoiceSummary summary(ResultSet rs, int row) throws SQLException {
        return new InvoiceSummary(rs.getString("invoice_no"), rs.getString("kind"), rs.getString("out_trade_no"),
                trimmed(rs.getString("out_refund_no")), trimmed(rs.getString("original_invoice_no")),
                rs.getString("patient_id"), rs.getLong("amount_fen"), PaymentPurpose.valueOf(rs.getString("purpose")),
                PaymentChannel.valueOf(rs.getString("channel")), Utc.read(rs, "issued_at"));
    }

    /** The union's CHAR columns may come back padded. */
    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
