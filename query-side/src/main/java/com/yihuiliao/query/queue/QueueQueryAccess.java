package com.yihuiliao.query.queue;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** A session's queue screen: those who call it, the schedulers and the session's doctor (checked by the query). */
@Component
class QueueQueryAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.get("/api/admin/schedules/*/queue")
                .roles(Roles.SUPER_ADMIN, Roles.SCHEDULER, Roles.DOCTOR));
    }
}
