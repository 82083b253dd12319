package com.yihuiliao.projection.exam;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.exam.ExamBooked;
import com.yihuiliao.api.exam.ExamBookingCancelled;
import com.yihuiliao.api.exam.ExamCheckInRecorded;
import com.yihuiliao.api.exam.ExamBookingDetail;
import com.yihuiliao.api.exam.ExamBookingExpired;
import com.yihuiliao.api.exam.ExamBookingPaid;
import com.yihuiliao.api.exam.ExamBookingSummary;
import com.yihuiliao.api.exam.FindExamBooking;
import com.yihuiliao.api.exam.FindExamBookings;
import com.yihuiliao.api.exam.FindPatientExamBookings;
import com.yihuiliao.api.exam.FindStaffExamBooking;
import com.yihuiliao.api.exam.StaffExamBookingDetail;
import com.yihuiliao.api.exam.StaffExamBookingSummary;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.projection.Keyset;
import com.yihuiliao.projection.SqlFilter;
import com.yihuiliao.projection.Utc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * Exam bookings for patients' pages and staff's lists. The detail adds, at read time, the payment's e-invoice
 * ({@code invoice_view}), its cancellation refund ({@code refund_record}) and that refund's credit note, each kept
 * by its own projection.
 */
@Component
@ProcessingGroup("exam-booking-view")
public class ExamBookingProjection {

    /** The desk's check-in is a row of its own (V230), joined. */
    private static final String CHECK_IN = " LEFT JOIN exam_booking_check_in c ON c.booking_id = b.id";
    private static final String SELECT = "SELECT b.*, c.checked_in_at, c.checked_in_by FROM exam_booking_view b" + CHECK_IN;
    /** Names and masked ID numbers come from the command side's patient_directory: personal data is not in events. */
    private static final String STAFF_SELECT = "SELECT b.*, c.checked_in_at, c.checked_in_by, p.real_name AS patient_name, "
            + "p.id_number_masked AS patient_id_number_masked FROM exam_booking_view b" + CHECK_IN
            + " LEFT JOIN patient_directory p ON p.patient_id = b.patient_id";
    private static final RowMapper<ExamBookingSummary> ROW = (rs, i) -> summary(rs);
    private static final RowMapper<StaffExamBookingSummary> STAFF_ROW = (rs, i) -> new StaffExamBookingSummary(
            rs.getString("patient_name"), rs.getString("patient_id_number_masked"), summary(rs));

    private static final Keyset<ExamBookingSummary> MINE = new Keyset<>("my-exam-bookings",
            b -> new Object[]{b.date(), b.bookedAt(), b.bookingId()},
            Keyset.desc("b.exam_date", Keyset.Type.DATE), Keyset.desc("b.booked_at", Keyset.Type.INSTANT),
            Keyset.desc("b.id", Keyset.Type.STRING));
    /** Staff read a day as it comes. */
    private static final Keyset<StaffExamBookingSummary> STAFF = new Keyset<>("exam-bookings",
            s -> new Object[]{s.booking().date(), s.booking().bookedAt(), s.booking().bookingId()},
            Keyset.asc("b.exam_date", Keyset.Type.DATE), Keyset.asc("b.booked_at", Keyset.Type.INSTANT),
            Keyset.asc("b.id", Keyset.Type.STRING));

    private final JdbcTemplate jdbc;

    ExamBookingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ExamBooked e, @SequenceNumber long seq, @Timestamp Instant at) {
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM exam_booking_view WHERE id = ?", Integer.class,
                e.bookingId());
        if (exists == 0) {
            jdbc.update("INSERT INTO exam_booking_view (id, booking_number, patient_id, package_id, package_name, "
                            + "exam_date, check_in_time, check_in_place, notes, price_fen, status, booked_at, pay_by, "
                            + "cancel_until, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    e.bookingId(), e.bookingNumber(), e.patientId(), e.packageId(), e.packageName(), e.date(),
                    e.checkInTime(), e.checkInPlace(), e.notes(), e.priceFen(), "HELD", Utc.of(at), Utc.of(e.payBy()),
                    Utc.of(e.cancelDeadline()), seq);
        }
    }

    @EventHandler
    void on(ExamBookingPaid e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.update("UPDATE exam_booking_view SET status = 'PAID', payment_reference = ?, payment_channel = ?, "
                        + "paid_fen = ?, paid_at = ?, last_seq = ? WHERE id = ? AND last_seq < ?", e.outTradeNo(),
                e.channel().name(), e.amountFen(), Utc.of(at), seq, e.bookingId(), seq);
    }

    @EventHandler
    void on(ExamBookingExpired e, @SequenceNumber long seq) {
        jdbc.update("UPDATE exam_booking_view SET status = 'EXPIRED', last_seq = ? WHERE id = ? AND last_seq < ?",
                seq, e.bookingId(), seq);
    }

    @EventHandler
    void on(ExamCheckInRecorded e, @SequenceNumber long seq, @Timestamp Instant at) {
        if (jdbc.update("UPDATE exam_booking_view SET status = 'CHECKED_IN', last_seq = ? WHERE id = ? AND last_seq < ?",
                seq, e.bookingId(), seq) == 1) {
            jdbc.update("INSERT INTO exam_booking_check_in (booking_id, checked_in_at, checked_in_by) VALUES (?, ?, ?)",
                    e.bookingId(), Utc.of(at), e.checkedInBy());
        }
    }

    @EventHandler
    void on(ExamBookingCancelled e, @SequenceNumber long seq, @Timestamp Instant at) {
        String reason = e.reason() == null || e.reason().length() <= 200 ? e.reason() : e.reason().substring(0, 200);
        jdbc.update("UPDATE exam_booking_view SET status = 'CANCELLED', cancelled_by = ?, cancel_reason = ?, "
                        + "cancelled_at = ?, last_seq = ? WHERE id = ? AND last_seq < ?", e.cancelledBy().name(),
                reason, Utc.of(at), seq, e.bookingId(), seq);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM exam_booking_check_in");
        jdbc.update("DELETE FROM exam_booking_view");
    }

    @QueryHandler
    ListPage<ExamBookingSummary> handle(FindPatientExamBookings q) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM exam_booking_view WHERE patient_id = ?", Long.class,
                q.patientId());
        return MINE.page(jdbc, SELECT, " WHERE b.patient_id = ?", List.of(q.patientId()), ROW, q.cursor(), q.size(),
                total == null ? 0 : total, null);
    }

    @QueryHandler
    ExamBookingDetail handle(FindExamBooking q) {
        List<ExamBookingDetail> found = jdbc.query(SELECT + " WHERE b.id = ?", (rs, i) -> detail(rs), q.bookingId());
        return found.isEmpty() ? null : found.get(0);
    }

    @QueryHandler
    StaffExamBookingDetail handle(FindStaffExamBooking q) {
        List<StaffExamBookingDetail> found = jdbc.query(STAFF_SELECT + " WHERE b.id = ?",
                (rs, i) -> new StaffExamBookingDetail(rs.getString("patient_name"),
                        rs.getString("patient_id_number_masked"), detail(rs), rs.getString("checked_in_by")),
                q.bookingId());
        return found.isEmpty() ? null : found.get(0);
    }

    @QueryHandler
    ListPage<StaffExamBookingSummary> handle(FindExamBookings q) {
        // the patient as the finance reports find one: a fragment of the name or of the masked ID number, or the id
        SqlFilter filter = new SqlFilter().with("b.exam_date >= ?", q.from()).with("b.exam_date <= ?", q.to())
                .with("b.package_id = ?", q.packageId()).with("b.status = ?", q.status())
                .withPatient("b.patient_id", q.patient());
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM exam_booking_view b LEFT JOIN patient_directory p "
                + "ON p.patient_id = b.patient_id" + filter.where(), Long.class, filter.args());
        return STAFF.page(jdbc, STAFF_SELECT, filter.where(), filter.argList(), STAFF_ROW, q.cursor(), q.size(),
                total == null ? 0 : total, null);
    }

    private static ExamBookingSummary summary(ResultSet rs) throws SQLException {
        return new ExamBookingSummary(rs.getString("id"), rs.getString("booking_number"), rs.getString("patient_id"),
                rs.getString("package_id"), rs.getString("package_name"), rs.getObject("exam_date", LocalDate.class),
                rs.getString("status"), rs.getLong("price_fen"), paidFen(rs), channel(rs), Utc.read(rs, "booked_at"),
                Utc.read(rs, "pay_by"), Utc.read(rs, "cancel_until"));
    }

    private ExamBookingDetail detail(ResultSet rs) throws SQLException {
        String outTradeNo = rs.getString("payment_reference");
        String invoiceNo = null;
        long refundedFen = 0;
        String refundStatus = null;
        String creditNoteNo = null;
        if (outTradeNo != null) {
            invoiceNo = first("SELECT invoice_no FROM invoice_view WHERE out_trade_no = ?", outTradeNo);
            List<Object[]> refunds = jdbc.query("SELECT out_refund_no, amount_fen, status FROM refund_record "
                            + "WHERE out_trade_no = ? ORDER BY requested_at, out_refund_no",
                    (r, i) -> new Object[]{r.getString(1), r.getLong(2), r.getString(3)}, outTradeNo);
            for (Object[] refund : refunds) {
                if (!"FAILED".equals(refund[2])) {
                    refundedFen += (Long) refund[1];
                }
                refundStatus = (String) refund[2];
                creditNoteNo = first("SELECT invoice_no FROM credit_note_view WHERE out_refund_no = ?", refund[0]);
            }
        }
        return new ExamBookingDetail(rs.getString("id"), rs.getString("booking_number"), rs.getString("patient_id"),
                rs.getString("package_id"), rs.getString("package_name"), rs.getObject("exam_date", LocalDate.class),
                rs.getString("check_in_time"), rs.getString("check_in_place"), rs.getString("notes"),
                rs.getString("status"), rs.getLong("price_fen"), Utc.read(rs, "booked_at"), Utc.read(rs, "pay_by"),
                Utc.read(rs, "cancel_until"), outTradeNo, channel(rs), paidFen(rs), Utc.read(rs, "paid_at"), invoiceNo,
                refundedFen, refundStatus, creditNoteNo, rs.getString("cancelled_by"), rs.getString("cancel_reason"),
                Utc.read(rs, "cancelled_at"), Utc.read(rs, "checked_in_at"));
    }

    private String first(String sql, Object arg) {
        List<String> found = jdbc.queryForList(sql, String.class, arg);
        return found.isEmpty() ? null : found.get(0);
    }

    private static Long paidFen(ResultSet rs) throws SQLException {
        long paid = rs.getLong("paid_fen");
        return rs.wasNull() ? null : paid;
    }

    private static PaymentChannel channel(ResultSet rs) throws SQLException {
        String channel = rs.getString("payment_channel");
        return channel == null ? null : PaymentChannel.valueOf(channel);
    }
}
