package com.yihuiliao.command.queue;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** 叫号: the schedulers, and doctors for their own sessions (the queue checks whose). */
@Component
class QueueAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.anyMethod("/api/admin/schedules/*/queue/**")
                .roles(Roles.SUPER_ADMIN, Roles.SCHEDULER, Roles.DOCTOR));
    }
}
