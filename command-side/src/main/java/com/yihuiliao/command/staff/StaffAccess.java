package com.yihuiliao.command.staff;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every staff member reads their own account and changes its password; only the super admin manages staff. */
@Component
class StaffAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.anyMethod("/api/staff/**").roles(Roles.ANY_STAFF),
                AccessRule.anyMethod("/api/admin/staff/**").roles(Roles.SUPER_ADMIN));
    }
}
