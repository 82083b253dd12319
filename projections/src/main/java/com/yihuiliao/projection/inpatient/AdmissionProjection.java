package com.yihuiliao.projection.inpatient;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.inpatient.AdmissionDetail;
import com.yihuiliao.api.inpatient.AdmissionFeePosted;
import com.yihuiliao.api.inpatient.AdmissionFees;
import com.yihuiliao.api.inpatient.AdmissionSettled;
import com.yihuiliao.api.inpatient.AdmissionStatus;
import com.yihuiliao.api.inpatient.AdmissionSummary;
import com.yihuiliao.api.inpatient.DischargeStarted;
import com.yihuiliao.api.inpatient.FeeCategory;
import com.yihuiliao.api.inpatient.FeeLine;
import com.yihuiliao.api.inpatient.FindAdmission;
import com.yihuiliao.api.inpatient.FindAdmissionFees;
import com.yihuiliao.api.inpatient.FindAdmissions;
import com.yihuiliao.api.inpatient.FindInpatients;
import com.yihuiliao.api.inpatient.FindPatientAdmissions;
import com.yihuiliao.api.inpatient.Inpatient;
import com.yihuiliao.api.inpatient.LowDepositWarned;
import com.yihuiliao.api.inpatient.PatientAdmitted;
import com.yihuiliao.projection.Keyset;
import com.yihuiliao.projection.Utc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Admissions and their fee lines. An admission's events come in its aggregate's order; its row keeps the sequence
 * it reflects ({@code last_seq}) and takes only later ones, so a redelivered event changes nothing. The deposit is
 * not copied: an open admission's is the inpatient account's balance in {@code account_view}, read with it; a
 * settled one's is the settlement's.
 */
@Component
@ProcessingGroup(AdmissionProjection.GROUP)
public class AdmissionProjection {

    public static final String GROUP = "admission-view";

    private static final Keyset<AdmissionSummary> NEWEST_FIRST = new Keyset<>("admissions",
            a -> new Object[]{a.admittedAt(), a.admissionId()},
            Keyset.desc("admitted_at", Keyset.Type.INSTANT), Keyset.desc("admission_id", Keyset.Type.STRING));

    private final JdbcTemplate jdbc;

    AdmissionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PatientAdmitted e, @SequenceNumber long seq) {
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM admission_view WHERE admission_id = ?",
                Integer.class, e.admissionId());
        if (exists != null && exists > 0) {
            return;
        }
        jdbc.update("INSERT INTO admission_view (admission_id, patient_id, source, external_no, ward, bed, admitted_at, "
                        + "admitted_date, attending_doctor, status, total_fees_fen, fee_lines, low_deposit_warnings, "
                        + "recorded_by, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ADMITTED', 0, 0, 0, ?, ?)",
                e.admissionId(), e.patientId(), e.source(), e.externalNo(), e.ward(), e.bed(), Utc.of(e.admittedAt()),
                LocalDate.ofInstant(e.admittedAt(), Clocks.HOSPITAL_ZONE), e.attendingDoctor(), e.recordedBy(), seq);
    }

    @EventHandler
    void on(AdmissionFeePosted e, @SequenceNumber long seq, @Timestamp Instant at) {
        int updated = jdbc.update("UPDATE admission_view SET total_fees_fen = ?, fee_lines = fee_lines + 1, last_seq = ? "
                + "WHERE admission_id = ? AND last_seq < ?", e.totalFeesFen(), seq, e.admissionId(), seq);
        if (updated == 0) {
            return;
        }
        FeeLine l = e.line();
        jdbc.update("INSERT INTO admission_fee_view (admission_id, line_no, fee_date, category, item_code, item_name, "
                        + "quantity, unit_price_fen, amount_fen, posted_by, posted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.admissionId(), l.lineNo(), l.feeDate(), l.category().name(), l.itemCode(), l.itemName(), l.quantity(),
                l.unitPriceFen(), l.amountFen(), e.postedBy(), Utc.of(at));
    }

    @EventHandler
    void on(LowDepositWarned e, @SequenceNumber long seq) {
        jdbc.update("UPDATE admission_view SET low_deposit_warnings = ?, last_seq = ? WHERE admission_id = ? "
                + "AND last_seq < ?", e.warning(), seq, e.admissionId(), seq);
    }

    @EventHandler
    void on(DischargeStarted e, @SequenceNumber long seq) {
        jdbc.update("UPDATE admission_view SET status = 'DISCHARGING', discharged_at = ?, discharged_by = ?, "
                        + "last_seq = ? WHERE admission_id = ? AND last_seq < ?", Utc.of(e.dischargedAt()),
                e.dischargedBy(), seq, e.admissionId(), seq);
    }

    @EventHandler
    void on(AdmissionSettled e, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.update("UPDATE admission_view SET status = 'DISCHARGED', settled_at = ?, settled_by = ?, "
                        + "settled_deposit_fen = ?, charged_fen = ?, refund_fen = ?, left_on_deposit_fen = ?, "
                        + "shortfall_fen = ?, withdrawal_id = ?, bill_id = ?, last_seq = ? "
                        + "WHERE admission_id = ? AND last_seq < ?", Utc.of(at), e.settledBy(), e.depositFen(),
                e.chargedFen(), e.refundFen(), e.leftOnDepositFen(), e.shortfallFen(), e.withdrawalId(), e.billId(),
                seq, e.admissionId(), seq);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM admission_fee_view");
        jdbc.update("DELETE FROM admission_view");
    }

    // --- queries --------------------------------------------------------------------------------

    @QueryHandler
    ListPage<AdmissionSummary> handle(FindPatientAdmissions q) {
        return page(" WHERE patient_id = ?", new ArrayList<>(List.of(q.patientId())), q.cursor(), q.size());
    }

    @QueryHandler
    ListPage<AdmissionSummary> handle(FindAdmissions q) {
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
        if (q.ward() != null) {
            where.append(" AND ward = ?");
            args.add(q.ward());
        }
        if (q.from() != null) {
            where.append(" AND admitted_date >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            where.append(" AND admitted_date <= ?");
            args.add(q.to());
        }
        return page(where.toString(), args, q.cursor(), q.size());
    }

    @QueryHandler
    List<Inpatient> handle(FindInpatients q) {
        // the name and masked number from patient_directory, written with the account's own patient rows (the
        // records /api/me/patients reads) in their transaction: personal data is in no event
        Map<String, String[]> names = new LinkedHashMap<>();
        List<AdmissionSummary> latest = jdbc.query("SELECT a.*, d.real_name AS patient_name, d.id_number_masked AS "
                + "patient_id_masked FROM admission_view a JOIN patient_view p ON p.patient_id = a.patient_id "
                + "LEFT JOIN patient_directory d ON d.patient_id = a.patient_id WHERE p.account_id = ? "
                + "ORDER BY a.admitted_at DESC, a.admission_id DESC", (rs, i) -> {
                    names.putIfAbsent(rs.getString("patient_id"), new String[]{rs.getString("patient_name"),
                            rs.getString("patient_id_masked")});
                    return summary(rs, i);
                }, q.accountId());
        Map<String, List<AdmissionSummary>> byPatient = new LinkedHashMap<>();
        latest.forEach(a -> byPatient.computeIfAbsent(a.patientId(), p -> new ArrayList<>()).add(a));
        return byPatient.entrySet().stream().map(e -> new Inpatient(e.getKey(), names.get(e.getKey())[0],
                names.get(e.getKey())[1], e.getValue().size(), e.getValue().get(0))).toList();
    }

    @QueryHandler
    AdmissionDetail handle(FindAdmission q) {
        return jdbc.query("SELECT a.*, d.balance_fen AS deposit_now FROM admission_view a LEFT JOIN account_view d "
                + "ON d.account_id = ? WHERE a.admission_id = ?", (rs, i) -> {
                    AdmissionSummary summary = summary(rs, i);
                    long deposit = deposit(rs);
                    AdmissionDetail.SettlementOutcome settlement = rs.getTimestamp("settled_at") == null ? null
                            : new AdmissionDetail.SettlementOutcome(Utc.read(rs, "settled_at"), summary.totalFeesFen(),
                            rs.getLong("settled_deposit_fen"), rs.getLong("charged_fen"), rs.getLong("refund_fen"),
                            rs.getLong("left_on_deposit_fen"), rs.getLong("shortfall_fen"), rs.getString("withdrawal_id"),
                            rs.getString("bill_id"));
                    return new AdmissionDetail(summary, deposit, deposit - summary.totalFeesFen(),
                            rs.getInt("low_deposit_warnings"), settlement, new AdmissionDetail.AdmissionProvenance(
                            rs.getString("source"), rs.getString("external_no"), rs.getString("recorded_by"),
                            rs.getString("discharged_by"), rs.getString("settled_by")));
                }, accountIdOf(q.admissionId()), q.admissionId()).stream().findFirst().orElse(null);
    }

    @QueryHandler
    AdmissionFees handle(FindAdmissionFees q) {
        AdmissionDetail admission = handle(new FindAdmission(q.admissionId()));
        if (admission == null) {
            return null;
        }
        StringBuilder where = new StringBuilder(" WHERE admission_id = ?");
        List<Object> args = new ArrayList<>(List.of(q.admissionId()));
        if (q.date() != null) {
            where.append(" AND fee_date = ?");
            args.add(q.date());
        }
        if (q.category() != null) {
            where.append(" AND category = ?");
            args.add(q.category().name());
        }
        List<AdmissionFees.FeeItem> lines = jdbc.query("SELECT * FROM admission_fee_view" + where
                + " ORDER BY fee_date DESC, category, line_no", (rs, i) -> new AdmissionFees.FeeItem(rs.getString("line_no"),
                rs.getObject("fee_date", LocalDate.class), FeeCategory.valueOf(rs.getString("category")),
                rs.getString("item_code"), rs.getString("item_name"), rs.getInt("quantity"),
                rs.getLong("unit_price_fen"), rs.getLong("amount_fen"), rs.getString("posted_by")), args.toArray());
        Map<LocalDate, List<AdmissionFees.FeeItem>> byDay = new TreeMap<>(java.util.Comparator.reverseOrder());
        lines.forEach(l -> byDay.computeIfAbsent(l.feeDate(), d -> new ArrayList<>()).add(l));
        List<AdmissionFees.FeeDay> days = byDay.entrySet().stream().map(e -> new AdmissionFees.FeeDay(e.getKey(),
                sum(e.getValue()), byCategory(e.getValue()), e.getValue())).toList();
        return new AdmissionFees(q.admissionId(), admission.patientId(), days, byCategory(lines), sum(lines),
                admission.admission().totalFeesFen(), admission.depositFen(), admission.remainingFen());
    }

    private ListPage<AdmissionSummary> page(String where, List<Object> args, String cursor, int size) {
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM admission_view" + where, Long.class, args.toArray());
        return NEWEST_FIRST.page(jdbc, "SELECT * FROM admission_view", where, args, AdmissionProjection::summary,
                cursor, size, total == null ? 0 : total, null);
    }

    /** The inpatient account of the admission's patient: its id is patientId:INPATIENT. */
    private String accountIdOf(String admissionId) {
        List<String> patient = jdbc.queryForList("SELECT patient_id FROM admission_view WHERE admission_id = ?",
                String.class, admissionId);
        return patient.isEmpty() ? "" : AccountKind.INPATIENT.accountOf(patient.get(0));
    }

    private static long deposit(ResultSet rs) throws SQLException {
        if (rs.getTimestamp("settled_at") != null) {
            return rs.getLong("settled_deposit_fen");
        }
        long now = rs.getLong("deposit_now");
        return rs.wasNull() ? 0 : now;
    }

    private static long sum(List<AdmissionFees.FeeItem> lines) {
        return lines.stream().mapToLong(AdmissionFees.FeeItem::amountFen).sum();
    }

    private static List<AdmissionFees.CategoryTotalFen> byCategory(List<AdmissionFees.FeeItem> lines) {
        Map<FeeCategory, Long> totals = new TreeMap<>();
        lines.forEach(l -> totals.merge(l.category(), l.amountFen(), Long::sum));
        return totals.entrySet().stream().map(e -> new AdmissionFees.CategoryTotalFen(e.getKey(), e.getValue())).toList();
    }

    private static AdmissionSummary summary(ResultSet rs, int row) throws SQLException {
        return new AdmissionSummary(rs.getString("admission_id"), rs.getString("patient_id"), rs.getString("ward"),
                rs.getString("bed"), Utc.read(rs, "admitted_at"), rs.getObject("admitted_date", LocalDate.class),
                rs.getString("attending_doctor"), AdmissionStatus.valueOf(rs.getString("status")),
                Utc.read(rs, "discharged_at"), rs.getLong("total_fees_fen"), rs.getInt("fee_lines"));
    }
}
