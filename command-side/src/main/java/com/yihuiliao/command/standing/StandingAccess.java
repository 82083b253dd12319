package com.yihuiliao.command.standing;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Bans and penalty rules are booking rules: the schedulers keep them (and lift a ban), auditors read the bans too.
 */
@Component
class StandingAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.get("/api/admin/bans").roles(Roles.SUPER_ADMIN, Roles.SCHEDULER, Roles.AUDITOR),
                AccessRule.anyMethod("/api/admin/bans/**").roles(Roles.SUPER_ADMIN, Roles.SCHEDULER),
                AccessRule.anyMethod("/api/admin/penalty-rules").roles(Roles.SUPER_ADMIN, Roles.SCHEDULER));
    }
}
