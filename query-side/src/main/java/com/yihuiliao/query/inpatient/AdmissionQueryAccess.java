package com.yihuiliao.query.inpatient;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Staff's admissions: the admissions office (finance), auditors and the super admin read them. */
@Component
class AdmissionQueryAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.get("/api/admin/admissions/**").roles(Roles.SUPER_ADMIN, Roles.FINANCE,
                Roles.AUDITOR));
    }
}
