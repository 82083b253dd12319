package com.yihuiliao.command.schedule;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Schedules and weekly templates: the schedulers. */
@Component
class ScheduleAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.anyMethod("/api/admin/schedules/**", "/api/admin/schedule-templates/**")
                        .roles(Roles.SUPER_ADMIN, Roles.SCHEDULER));
    }
}
