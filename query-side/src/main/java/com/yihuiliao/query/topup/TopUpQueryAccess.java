package com.yihuiliao.query.topup;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Top-up records: finance and auditors. */
@Component
class TopUpQueryAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.get("/api/admin/top-ups/**").roles(Roles.SUPER_ADMIN, Roles.FINANCE, Roles.AUDITOR));
    }
}
