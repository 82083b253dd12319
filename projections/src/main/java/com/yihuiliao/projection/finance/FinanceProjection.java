package com.yihuiliao.projection.finance;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.appointment.AppointmentBooked;
import com.yihuiliao.api.bill.BillIssued;
import com.yihuiliao.api.bill.BillItem;
import com.yihuiliao.api.bill.BillItemRefunded;
import com.yihuiliao.api.bill.BillPaid;
import com.yihuiliao.api.finance.ConsumptionStatus;
import com.yihuiliao.api.payment.PaymentPurpose;
import com.yihuiliao.api.payment.PaymentSucceeded;
import com.yihuiliao.api.payment.RefundSettled;
import com.yihuiliao.projection.Utc;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finance's consumption records (门诊消费记录) and their daily summaries. A row joins facts of three aggregates
 * (the appointment's or bill's department and doctor, the payment, the bill's line refunds), so the group reads
 * the store in its own order, one sequence ({@code sequentialPolicy}): what a row needs is always there first.
 * Every change of a row and its summary's delta happen together, and only when the row changed (a row is
 * inserted once, a registration's refund total moves only to a later payment sequence, a line refund counts
 * once), so a redelivered event changes neither, and a summary always equals the sum of its rows.
 */
@Component
@ProcessingGroup(FinanceProjection.GROUP)
public class FinanceProjection {

    public static final String GROUP = "finance-view";

    private final JdbcTemplate jdbc;

    FinanceProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    static LocalDate businessDate(Instant at) {
        return LocalDate.ofInstant(at, Clocks.HOSPITAL_ZONE);
    }

    // --- what the rows need first ------------------------------------------------------------------

    @EventHandler
    void on(AppointmentBooked e) {
        insertOnce("INSERT INTO finance_appointment (appointment_id, department_id, doctor_id) VALUES (?, ?, ?)",
                e.appointmentId(), e.departmentId(), e.doctorId());
    }

    @EventHandler
    void on(BillIssued e) {
        for (BillItem item : e.items()) {
            insertOnce("INSERT INTO finance_bill_line (bill_id, line, item_code, item_name, category, amount_fen, "
                            + "department_id, doctor_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    e.billId(), item.line(), item.code(), item.name(),
                    item.category() == null ? null : item.category().name(), item.amountFen(),
                    orEmpty(e.departmentId()), orEmpty(e.doctorId()));
        }
    }

    // --- paid ----------------------------------------------------------------------------------------

    /**
     * Every paid registration fee and exam fee (体检费, {@code money.ExamPayments}: no department or doctor), a late
     * one too (it shows refunded once its refund is through). Not here: top-ups, and the inpatient settlement (住院,
     * charged against the deposit, no payment); its shortfall is a normal bill, so it is here once paid, as bill lines.
     */
    @EventHandler
    void on(PaymentSucceeded e, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (e.purpose() != PaymentPurpose.REGISTRATION && e.purpose() != PaymentPurpose.EXAM) {
            return;
        }
        List<Map<String, Object>> appointment = e.purpose() != PaymentPurpose.REGISTRATION ? List.of()
                : jdbc.queryForList("SELECT department_id, doctor_id FROM finance_appointment WHERE appointment_id = ?",
                        e.referenceId());
        String department = appointment.isEmpty() ? "" : (String) appointment.get(0).get("department_id");
        String doctor = appointment.isEmpty() ? "" : (String) appointment.get(0).get("doctor_id");
        if (insertRow(e.outTradeNo(), e.outTradeNo(), e.purpose(), e.referenceId(), 0, e.patientId(), department,
                doctor, e.purpose().name(), null, null, e.channel().name(), e.amountFen(), at, sequence)) {
            summary(businessDate(at), department, e.channel().name(), e.purpose().name(), 1, e.amountFen(), 0);
        }
    }

    /**
     * A bill's lines, by the payment that paid it (a second payment of the same bill is refunded in full and is no
     * consumption: it is in the refund records).
     */
    @EventHandler
    void on(BillPaid e, @SequenceNumber long sequence, @Timestamp Instant at) {
        List<Map<String, Object>> lines = jdbc.queryForList("SELECT * FROM finance_bill_line WHERE bill_id = ? "
                + "ORDER BY line", e.billId());
        for (Map<String, Object> line : lines) {
            int number = ((Number) line.get("line")).intValue();
            long amount = ((Number) line.get("amount_fen")).longValue();
            String department = (String) line.get("department_id");
            if (insertRow(lineRow(e.outTradeNo(), number), e.outTradeNo(), PaymentPurpose.BILL, e.billId(), number,
                    e.patientId(), department, (String) line.get("doctor_id"), (String) line.get("item_code"),
                    (String) line.get("item_name"), (String) line.get("category"), e.channel().name(), amount, at,
                    sequence)) {
                summary(businessDate(at), department, e.channel().name(), PaymentPurpose.BILL.name(), 1, amount, 0);
            }
        }
    }

    static String lineRow(String outTradeNo, int line) {
        return outTradeNo + ":" + line;
    }

    private boolean insertRow(String rowId, String outTradeNo, PaymentPurpose purpose, String referenceId, int line,
                              String patientId, String department, String doctor, String itemCode, String itemName,
                              String category, String channel, long amountFen, Instant at, long sequence) {
        return insertOnce("INSERT INTO finance_consumption (row_id, out_trade_no, purpose, reference_id, line, "
                        + "patient_id, department_id, doctor_id, item_code, item_name, category, channel, amount_fen, "
                        + "refunded_fen, net_fen, status, paid_at, business_date, last_sequence) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)",
                rowId, outTradeNo, purpose.name(), referenceId, line, patientId, department, doctor, itemCode, itemName,
                category, channel, amountFen, amountFen, ConsumptionStatus.PAID.name(), Utc.of(at), businessDate(at),
                sequence);
    }

    // --- refunded ------------------------------------------------------------------------------------

    /** A bill line's refund is recorded on the bill first; it counts on the line once its money moved. */
    @EventHandler
    void on(BillItemRefunded e) {
        insertOnce("INSERT INTO finance_line_refund (out_refund_no, row_id, amount_fen, settled) VALUES (?, ?, ?, FALSE)",
                e.outRefundNo(), lineRow(e.outTradeNo(), e.line()), e.amountFen());
    }

    @EventHandler
    void on(RefundSettled e, @SequenceNumber long sequence) {
        List<Map<String, Object>> lineRefund = jdbc.queryForList(
                "SELECT row_id FROM finance_line_refund WHERE out_refund_no = ?", e.outRefundNo());
        if (!lineRefund.isEmpty()) {
            if (jdbc.update("UPDATE finance_line_refund SET settled = TRUE WHERE out_refund_no = ? AND settled = FALSE",
                    e.outRefundNo()) == 1) {
                refunded((String) lineRefund.get(0).get("row_id"), e.amountFen(), null);
            }
            return;
        }
        // a registration or exam fee: the payment's refunded total, moving only forward
        List<Map<String, Object>> row = jdbc.queryForList("SELECT refunded_fen FROM finance_consumption "
                + "WHERE row_id = ? AND last_sequence < ?", e.outTradeNo(), sequence);
        if (!row.isEmpty()) {
            long delta = e.refundedTotalFen() - ((Number) row.get(0).get("refunded_fen")).longValue();
            refunded(e.outTradeNo(), delta, sequence);
        }
    }

    private void refunded(String rowId, long deltaFen, Long sequence) {
        Map<String, Object> row = jdbc.queryForMap("SELECT amount_fen, refunded_fen, business_date, department_id, "
                + "channel, purpose FROM finance_consumption WHERE row_id = ?", rowId);
        long amount = ((Number) row.get("amount_fen")).longValue();
        long refunded = ((Number) row.get("refunded_fen")).longValue() + deltaFen;
        jdbc.update("UPDATE finance_consumption SET refunded_fen = ?, net_fen = ?, status = ?, "
                        + "last_sequence = COALESCE(?, last_sequence) WHERE row_id = ?",
                refunded, amount - refunded, ConsumptionStatus.of(amount, refunded).name(), sequence, rowId);
        summary(toDate(row.get("business_date")), (String) row.get("department_id"), (String) row.get("channel"),
                (String) row.get("purpose"), 0, 0, deltaFen);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }

    // --- daily summaries ---------------------------------------------------------------------------

    /** Adds to the day's row (created at its first record). The group is one sequence: no other writer races. */
    private void summary(LocalDate date, String department, String channel, String purpose, long count, long grossFen,
                         long refundedFen) {
        String update = "UPDATE finance_daily_summary SET record_count = record_count + ?, gross_fen = gross_fen + ?, "
                + "refunded_fen = refunded_fen + ? WHERE business_date = ? AND department_id = ? AND channel = ? "
                + "AND purpose = ?";
        if (jdbc.update(update, count, grossFen, refundedFen, date, department, channel, purpose) == 0) {
            jdbc.update("INSERT INTO finance_daily_summary (business_date, department_id, channel, purpose, "
                            + "record_count, gross_fen, refunded_fen) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    date, department, channel, purpose, count, grossFen, refundedFen);
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private boolean insertOnce(String sql, Object... args) {
        try {
            jdbc.update(sql, args);
            return true;
        } catch (DuplicateKeyException alreadySeen) {
            return false;
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM finance_daily_summary");
        jdbc.update("DELETE FROM finance_line_refund");
        jdbc.update("DELETE FROM finance_consumption");
        jdbc.update("DELETE FROM finance_bill_line");
        jdbc.update("DELETE FROM finance_appointment");
    }
}
