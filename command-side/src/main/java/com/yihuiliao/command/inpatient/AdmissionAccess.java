package com.yihuiliao.command.inpatient;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Admissions, their fees and settlement are the admissions office's (住院处), the cashiers who already take
 * deposits and bills: finance, and the super admin.
 */
@Component
class AdmissionAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.anyMethod("/api/admin/admissions/**").roles(Roles.SUPER_ADMIN, Roles.FINANCE));
    }
}
