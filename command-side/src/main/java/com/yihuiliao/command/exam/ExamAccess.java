package com.yihuiliao.command.exam;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Exam packages are public to read; patients book. Keeping packages and their days is the super admin's, like the hospital's other public content:
 * no operational role (scheduling, finance, audit, doctors) prices or words what the hospital offers. Staff cancel
 * a patient's booking as they cancel appointments: the schedulers and the super admin.
 */
@Component
class ExamAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.get("/api/exam-packages/**").open(),
                AccessRule.anyMethod("/api/admin/exam-packages/**").roles(Roles.SUPER_ADMIN),
                AccessRule.anyMethod("/api/exam-bookings/**").roles(Roles.PATIENT),
                // the roles that cancel appointments for patients (by suspending a schedule)
                AccessRule.post("/api/admin/exam-bookings/*/cancel").roles(Roles.SUPER_ADMIN, Roles.SCHEDULER),
                // the desk: the same staff who keep exam bookings for patients
                AccessRule.post("/api/admin/exam-bookings/*/check-in").roles(Roles.SUPER_ADMIN, Roles.SCHEDULER));
    }
}
