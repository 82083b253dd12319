package com.yihuiliao.query.rebuild;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Rebuilds: started by auditors and the super admin; finance may follow one. */
@Component
class RebuildAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.post("/api/admin/audit/rebuilds").roles(Roles.SUPER_ADMIN, Roles.AUDITOR),
                AccessRule.get("/api/admin/audit/rebuilds/**").roles(Roles.SUPER_ADMIN, Roles.AUDITOR, Roles.FINANCE));
    }
}
