package com.yihuiliao.command.account;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Counter top-ups: the cashiers. */
@Component
class AccountAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.anyMethod("/api/admin/accounts/**").roles(Roles.SUPER_ADMIN, Roles.FINANCE));
    }
}
