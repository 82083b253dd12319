package com.yihuiliao.command.reconciliation;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** 对账: finance and the super admin run days and resolve mismatches; auditors read them. */
@Component
class ReconciliationAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.get("/api/admin/reconciliation/**").roles(Roles.FINANCE, Roles.SUPER_ADMIN, Roles.AUDITOR),
                AccessRule.post("/api/admin/reconciliation/**").roles(Roles.FINANCE, Roles.SUPER_ADMIN));
    }
}
