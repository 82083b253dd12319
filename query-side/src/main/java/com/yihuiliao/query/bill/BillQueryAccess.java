package com.yihuiliao.query.bill;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Bills: finance and auditors read them. */
@Component
class BillQueryAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.get("/api/admin/bills/**").roles(Roles.SUPER_ADMIN, Roles.FINANCE, Roles.AUDITOR));
    }
}
