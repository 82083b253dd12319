package com.yihuiliao.command.report;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reports are entered, released and amended by doctors (the clinicians who sign them off) and the super admin. */
@Component
class ReportAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.anyMethod("/api/admin/reports/**").roles(Roles.SUPER_ADMIN, Roles.DOCTOR));
    }
}
