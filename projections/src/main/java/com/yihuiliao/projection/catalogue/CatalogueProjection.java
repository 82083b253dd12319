package com.yihuiliao.projection.catalogue;

import com.yihuiliao.api.catalogue.DepartmentSaved;
import com.yihuiliao.api.catalogue.DepartmentSummary;
import com.yihuiliao.api.catalogue.DoctorProfile;
import com.yihuiliao.api.catalogue.DoctorSaved;
import com.yihuiliao.api.catalogue.FindDepartments;
import com.yihuiliao.api.catalogue.FindDoctor;
import com.yihuiliao.api.catalogue.FindDoctors;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Departments and doctors as patients browse them. Saves are whole-row upserts: replays converge. */
@Component
@ProcessingGroup(CatalogueProjection.GROUP)
public class CatalogueProjection {

    public static final String GROUP = "catalogue-view";

    private static final RowMapper<DoctorProfile> DOCTOR = (rs, i) -> new DoctorProfile(rs.getString("id"),
            rs.getString("department_id"), rs.getString("department_name"), rs.getString("name"),
            rs.getString("title"), rs.getString("specialty"), rs.getString("introduction"), rs.getString("photo_url"),
            rs.getLong("fee_fen"));
    private static final String DOCTOR_SELECT = "SELECT d.*, p.name AS department_name FROM doctor_view d "
            + "LEFT JOIN department_view p ON p.id = d.department_id";

    private final JdbcTemplate jdbc;

    CatalogueProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DepartmentSaved e) {
        if (jdbc.update("UPDATE department_view SET parent_id = ?, name = ?, introduction = ?, sort_order = ? WHERE id = ?",
                e.parentId(), e.name(), e.introduction(), e.sortOrder(), e.departmentId()) == 0) {
            jdbc.update("INSERT INTO department_view (id, parent_id, name, introduction, sort_order) VALUES (?, ?, ?, ?, ?)",
                    e.departmentId(), e.parentId(), e.name(), e.introduction(), e.sortOrder());
        }
    }

    @EventHandler
    void on(DoctorSaved e) {
        if (jdbc.update("UPDATE doctor_view SET department_id = ?, name = ?, title = ?, specialty = ?, introduction = ?, "
                        + "photo_url = ?, fee_fen = ? WHERE id = ?", e.departmentId(), e.name(), e.title(), e.specialty(),
                e.introduction(), e.photoUrl(), e.feeFen(), e.doctorId()) == 0) {
            jdbc.update("INSERT INTO doctor_view (id, department_id, name, title, specialty, introduction, photo_url, "
                            + "fee_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", e.doctorId(), e.departmentId(), e.name(),
                    e.title(), e.specialty(), e.introduction(), e.photoUrl(), e.feeFen());
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM doctor_view");
        jdbc.update("DELETE FROM department_view");
    }

    @QueryHandler
    List<DepartmentSummary> handle(FindDepartments query) {
        return jdbc.query("SELECT * FROM department_view ORDER BY CASE WHEN parent_id IS NULL THEN 0 ELSE 1 END, "
                        + "sort_order, id", (rs, i) -> new DepartmentSummary(rs.getString("id"), rs.getString("parent_id"),
                rs.getString("name"), rs.getString("introduction"), rs.getInt("sort_order")));
    }

    @QueryHandler
    List<DoctorProfile> handle(FindDoctors query) {
        return query.departmentId() == null
                ? jdbc.query(DOCTOR_SELECT + " ORDER BY d.name", DOCTOR)
                : jdbc.query(DOCTOR_SELECT + " WHERE d.department_id = ? ORDER BY d.name", DOCTOR, query.departmentId());
    }

    @QueryHandler
    DoctorProfile handle(FindDoctor query) {
        List<DoctorProfile> found = jdbc.query(DOCTOR_SELECT + " WHERE d.id = ?", DOCTOR, query.doctorId());
        return found.isEmpty() ? null : found.get(0);
    }
}
