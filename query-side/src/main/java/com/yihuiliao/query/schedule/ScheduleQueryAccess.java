package com.yihuiliao.query.schedule;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import java.util.List;
import org.springframework.stereotype.Component;

/** Schedules and their remaining slots are public. */
@Component
class ScheduleQueryAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.get("/api/schedules/**").open());
    }
}
