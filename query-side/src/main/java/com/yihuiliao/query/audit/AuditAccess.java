package com.yihuiliao.query.audit;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Timelines: auditors, the super admin and finance (who answers for refunds and needs to see who did what);
 * states as of an instant: auditors and the super admin. Patients' own timelines are under /api/me/**.
 */
@Component
class AuditAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.get("/api/admin/timeline/**").roles(Roles.SUPER_ADMIN, Roles.AUDITOR, Roles.FINANCE),
                AccessRule.get("/api/admin/as-of/**").roles(Roles.SUPER_ADMIN, Roles.AUDITOR));
    }
}
