package com.yihuiliao.projection.bill;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.bill.BillDetail;
import com.yihuiliao.api.bill.BillIssued;
import com.yihuiliao.api.bill.BillItem;
import com.yihuiliao.api.bill.BillItemCategory;
import com.yihuiliao.api.bill.BillItemRefunded;
import com.yihuiliao.api.bill.BillItemView;
import com.yihuiliao.api.bill.BillPaid;
import com.yihuiliao.api.bill.BillRefundRequestApproved;
import com.yihuiliao.api.bill.BillRefundRequestRejected;
import com.yihuiliao.api.bill.BillRefundRequestStatus;
import com.yihuiliao.api.bill.BillRefundRequestView;
import com.yihuiliao.api.bill.BillRefundRequested;
import com.yihuiliao.api.bill.BillStatus;
import com.yihuiliao.api.bill.BillSummary;
import com.yihuiliao.api.bill.BillVoided;
import com.yihuiliao.api.bill.FindBill;
import com.yihuiliao.api.bill.FindBillRefundRequests;
import com.yihuiliao.api.bill.FindBills;
import com.yihuiliao.api.bill.FindPatientBills;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.projection.Keyset;
import com.yihuiliao.projection.Utc;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Bills with their lines: status, what each line paid and refunded, which payment paid the bill. A bill row
 * moves only forward to a higher event sequence, so redelivered events change nothing.
 */
@Component
@ProcessingGroup(BillProjection.GROUP)
public class BillProjection {

    public static final String GROUP = "bill-view";

    private static final RowMapper<BillSummary> BILL = (rs, i) -> new BillSummary(rs.getString("bill_id"),
            rs.getString("external_no"), rs.getString("patient_id"), BillStatus.valueOf(rs.getString("status")),
            rs.getLong("total_fen"), rs.getLong("refunded_fen"), rs.getString("department_id"),
            rs.getString("doctor_id"), rs.getString("issued_by"), rs.getString("out_trade_no"),
            rs.getString("channel") == null ? null : PaymentChannel.valueOf(rs.getString("channel")),
            Utc.read(rs, "issued_at"), Utc.read(rs, "paid_at"), Utc.read(rs, "voided_at"));
    private static final RowMapper<BillItemView> ITEM = (rs, i) -> new BillItemView(rs.getInt("line"),
            rs.getString("code"), rs.getString("name"), BillItemCategory.valueOf(rs.getString("category")),
            rs.getInt("quantity"), rs.getLong("unit_price_fen"), rs.getLong("amount_fen"), rs.getLong("paid_fen"),
            rs.getLong("refunded_fen"), rs.getInt("refunded_quantity"));

    private static final RowMapper<BillRefundRequestView> REQUEST = (rs, i) -> new BillRefundRequestView(
            rs.getString("request_id"), rs.getString("bill_id"), rs.getString("patient_id"), rs.getInt("line"),
            rs.getLong("amount_fen"), rs.getInt("quantity"), rs.getString("reason"),
            BillRefundRequestStatus.valueOf(rs.getString("status")), rs.getString("decided_by"),
            rs.getString("decision_reason"), rs.getString("out_refund_no"), Utc.read(rs, "requested_at"),
            Utc.read(rs, "decided_at"));

    private static final Keyset<BillSummary> BILLS = new Keyset<>("bills", b -> new Object[]{b.issuedAt(), b.billId()},
            Keyset.desc("issued_at", Keyset.Type.INSTANT), Keyset.desc("bill_id", Keyset.Type.STRING));
    /** Oldest first: the queue finance works through. */
    private static final Keyset<BillRefundRequestView> REQUESTS = new Keyset<>("bill-refund-requests",
            r -> new Object[]{r.requestedAt(), r.requestId()},
            Keyset.asc("requested_at", Keyset.Type.INSTANT), Keyset.asc("request_id", Keyset.Type.STRING));

    private final JdbcTemplate jdbc;

    BillProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(BillIssued e, @SequenceNumber long seq, @Timestamp Instant at) {
        try {
            jdbc.update("INSERT INTO bill_view (bill_id, external_no, patient_id, status, total_fen, refunded_fen, "
                            + "department_id, doctor_id, issued_by, issued_at, last_sequence) "
                            + "VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)", e.billId(), e.externalNo(), e.patientId(),
                    BillStatus.ISSUED.name(), e.totalFen(), e.departmentId(), e.doctorId(), e.issuedBy(), Utc.of(at),
                    seq);
        } catch (DuplicateKeyException alreadySeen) {
            return;
        }
        for (BillItem item : e.items()) {
            jdbc.update("INSERT INTO bill_item_view (bill_id, line, code, name, category, quantity, unit_price_fen, "
                            + "amount_fen, paid_fen, refunded_fen, refunded_quantity) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)",
                    e.billId(), item.line(), item.code(), item.name(), item.category().name(), item.quantity(),
                    item.unitPriceFen(), item.amountFen());
        }
    }

    @EventHandler
    void on(BillPaid e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (jdbc.update("UPDATE bill_view SET status = ?, out_trade_no = ?, channel = ?, paid_at = ?, last_sequence = ? "
                        + "WHERE bill_id = ? AND last_sequence < ?", BillStatus.PAID.name(), e.outTradeNo(),
                e.channel().name(), Utc.of(at), seq, e.billId(), seq) == 1) {
            jdbc.update("UPDATE bill_item_view SET paid_fen = amount_fen WHERE bill_id = ?", e.billId());
        }
    }

    @EventHandler
    void on(BillVoided e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.update("UPDATE bill_view SET status = ?, voided_at = ?, void_reason = ?, last_sequence = ? "
                        + "WHERE bill_id = ? AND last_sequence < ?", BillStatus.VOIDED.name(), Utc.of(at),
                e.reason() == null || e.reason().length() <= 200 ? e.reason() : e.reason().substring(0, 200), seq,
                e.billId(), seq);
    }

    @EventHandler
    void on(BillItemRefunded e, @SequenceNumber long seq) {
        if (jdbc.update("UPDATE bill_view SET refunded_fen = ?, last_sequence = ? WHERE bill_id = ? AND last_sequence < ?",
                e.billRefundedFen(), seq, e.billId(), seq) == 1) {
            jdbc.update("UPDATE bill_item_view SET refunded_fen = ?, refunded_quantity = ? WHERE bill_id = ? AND line = ?",
                    e.itemRefundedFen(), e.itemRefundedQuantity(), e.billId(), e.line());
        }
    }

    @EventHandler
    void on(BillRefundRequested e, @Timestamp Instant at) {
        try {
            jdbc.update("INSERT INTO bill_refund_request_view (request_id, bill_id, patient_id, line, amount_fen, quantity, "
                            + "reason, status, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", e.requestId(), e.billId(),
                    e.patientId(), e.line(), e.amountFen(), e.quantity(), e.reason(),
                    BillRefundRequestStatus.PENDING.name(), Utc.of(at));
        } catch (DuplicateKeyException alreadySeen) {
            // a redelivered event
        }
    }

    @EventHandler
    void on(BillRefundRequestApproved e, @Timestamp Instant at) {
        jdbc.update("UPDATE bill_refund_request_view SET status = ?, decided_by = ?, out_refund_no = ?, decided_at = ? "
                        + "WHERE request_id = ? AND status = ?", BillRefundRequestStatus.APPROVED.name(), e.operator(),
                e.outRefundNo(), Utc.of(at), e.requestId(), BillRefundRequestStatus.PENDING.name());
    }

    @EventHandler
    void on(BillRefundRequestRejected e, @Timestamp Instant at) {
        jdbc.update("UPDATE bill_refund_request_view SET status = ?, decided_by = ?, decision_reason = ?, decided_at = ? "
                        + "WHERE request_id = ? AND status = ?", BillRefundRequestStatus.REJECTED.name(), e.operator(),
                e.reason(), Utc.of(at), e.requestId(), BillRefundRequestStatus.PENDING.name());
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM bill_refund_request_view");
        jdbc.update("DELETE FROM bill_item_view");
        jdbc.update("DELETE FROM bill_view");
    }

    @QueryHandler
    BillDetail handle(FindBill query) {
        List<BillSummary> bills = jdbc.query("SELECT * FROM bill_view WHERE bill_id = ?", BILL, query.billId());
        if (bills.isEmpty()) {
            return null;
        }
        return new BillDetail(bills.get(0), jdbc.query("SELECT * FROM bill_item_view WHERE bill_id = ? ORDER BY line",
                ITEM, query.billId()), jdbc.query("SELECT * FROM bill_refund_request_view WHERE bill_id = ? "
                + "ORDER BY requested_at, request_id", REQUEST, query.billId()));
    }

    @QueryHandler
    ListPage<BillRefundRequestView> handle(FindBillRefundRequests q) {
        String where = q.status() == null ? "" : " WHERE status = ?";
        List<Object> filter = q.status() == null ? List.of() : List.of(q.status().name());
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM bill_refund_request_view" + where, Long.class,
                filter.toArray());
        return REQUESTS.page(jdbc, "SELECT * FROM bill_refund_request_view", where, filter, REQUEST, q.cursor(),
                q.size(), total == null ? 0 : total, null);
    }

    @QueryHandler
    ListPage<BillSummary> handle(FindPatientBills q) {
        return handle(new FindBills(q.patientId(), q.status(), null, null, q.cursor(), q.size()));
    }

    @QueryHandler
    ListPage<BillSummary> handle(FindBills q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (q.patientId() != null) {
            where.append(" AND patient_id = ?");
            args.add(q.patientId());
        }
        if (q.status() != null) {
            where.append(" AND status = ?");
            args.add(q.status().name());
        }
        if (q.from() != null) {
            where.append(" AND issued_at >= ?");
            args.add(Utc.of(q.from().atStartOfDay(Clocks.HOSPITAL_ZONE).toInstant()));
        }
        if (q.to() != null) {
            where.append(" AND issued_at < ?");
            args.add(Utc.of(q.to().plusDays(1).atStartOfDay(Clocks.HOSPITAL_ZONE).toInstant()));
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM bill_view" + where, Long.class, args.toArray());
        return BILLS.page(jdbc, "SELECT * FROM bill_view", where.toString(), args, BILL, q.cursor(), q.size(),
                total == null ? 0 : total, null);
    }
}
