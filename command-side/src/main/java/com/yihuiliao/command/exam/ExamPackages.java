package com.yihuiliao.command.exam;

import com.yihuiliao.api.BusinessRuleViolation;
import com.yihuiliao.api.ErrorCode;
import com.yihuiliao.api.ListPage;
import com.yihuiliao.command.patient.ResidentIdNumber.Sex;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exam packages (体检套餐): reference data, saved whole by staff and listed publicly. A booking copies what it
 * needs of its package (price, notes) into its own events, so editing or retiring a package leaves booked exams
 * as they were booked.
 */
@Service
public class ExamPackages {

    /** A package as shown: its items, price in fen, notes (体检须知), who it suits (sex null: either) and whether it is offered. */
    public record ExamPackage(String packageId, String name, List<String> items, long priceFen, String notes,
                              Sex sex, int minAge, int maxAge, boolean active) {
    }

    private final JdbcTemplate jdbc;

    ExamPackages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates or replaces a package. */
    @Transactional
    public ExamPackage save(ExamPackage pkg) {
        if (pkg.minAge() > pkg.maxAge()) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "minAge",
                    "must not be above maxAge (" + pkg.maxAge() + "), was " + pkg.minAge() + ".");
        }
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String sex = pkg.sex() == null ? null : pkg.sex().name();
        if (jdbc.update("UPDATE exam_package SET name = ?, price_fen = ?, notes = ?, sex = ?, min_age = ?, max_age = ?, "
                + "active = ?, updated_at = ? WHERE id = ?", pkg.name(), pkg.priceFen(), pkg.notes(), sex, pkg.minAge(),
                pkg.maxAge(), pkg.active(), now, pkg.packageId()) == 0) {
            jdbc.update("INSERT INTO exam_package (id, name, price_fen, notes, sex, min_age, max_age, active, updated_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", pkg.packageId(), pkg.name(), pkg.priceFen(), pkg.notes(), sex,
                    pkg.minAge(), pkg.maxAge(), pkg.active(), now);
        }
        jdbc.update("DELETE FROM exam_package_item WHERE package_id = ?", pkg.packageId());
        for (int i = 0; i < pkg.items().size(); i++) {
            jdbc.update("INSERT INTO exam_package_item (package_id, item_no, name) VALUES (?, ?, ?)", pkg.packageId(), i,
                    pkg.items().get(i));
        }
        return find(pkg.packageId()).orElseThrow();
    }

    /** An offered package, or 404 EXAM_PACKAGE_NOT_FOUND (also for a retired one: it can no longer be booked). */
    public ExamPackage offered(String packageId) {
        return find(packageId).filter(ExamPackage::active)
                .orElseThrow(() -> new BusinessRuleViolation(ErrorCode.EXAM_PACKAGE_NOT_FOUND));
    }

    /** The packages on offer, by name then id: a short list read whole. */
    public ListPage<ExamPackage> offered(String cursor, Integer size) {
        int pageSize = ListPage.size(size);
        List<String> ids = jdbc.queryForList("SELECT id FROM exam_package WHERE active = TRUE ORDER BY name, id", String.class);
        List<ExamPackage> all = ids.stream().map(id -> find(id).orElseThrow()).toList();
        return ListPage.slice("exam-packages", all, cursor, pageSize);
    }

    Optional<ExamPackage> find(String packageId) {
        List<String> items = jdbc.queryForList("SELECT name FROM exam_package_item WHERE package_id = ? ORDER BY item_no",
                String.class, packageId);
        return jdbc.query("SELECT id, name, price_fen, notes, sex, min_age, max_age, active FROM exam_package WHERE id = ?",
                (rs, i) -> new ExamPackage(rs.getString(1), rs.getString(2), items, rs.getLong(3), rs.getString(4),
                        rs.getString(5) == null ? null : Sex.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7),
                        rs.getBoolean(8)), packageId).stream().findFirst();
    }
}
