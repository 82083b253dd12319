package com.yihuiliao.query.report;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Staff's report lists: the doctors and the super admin, who enter and release them. */
@Component
class ReportQueryAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.get("/api/admin/reports/**").roles(Roles.SUPER_ADMIN, Roles.DOCTOR));
    }
}
