package com.yihuiliao.query.finance;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Finance's reports: finance, auditors and the super admin. */
@Component
class FinanceReportAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.get("/api/admin/finance/**").roles(Roles.SUPER_ADMIN, Roles.FINANCE, Roles.AUDITOR));
    }
}
