package com.yihuiliao.command.bill;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Bills: finance (or the hospital system's staff account) issues, voids and refunds them. */
@Component
class BillAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.anyMethod("/api/admin/bills/**").roles(Roles.SUPER_ADMIN, Roles.FINANCE));
    }
}
