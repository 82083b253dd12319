package com.yihuiliao.query.exam;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Staff who run or account for the exam centre read its bookings: the schedulers (who also cancel them), finance,
 * auditors and the super admin. Doctors have no exam schedules of their own, so they have no reason to.
 */
@Component
class ExamBookingQueryAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.get("/api/admin/exam-bookings/**")
                .roles(Roles.SUPER_ADMIN, Roles.SCHEDULER, Roles.FINANCE, Roles.AUDITOR));
    }
}
