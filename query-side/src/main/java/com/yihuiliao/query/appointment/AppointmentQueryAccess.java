package com.yihuiliao.query.appointment;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every staff role reads appointments (a doctor only their own schedules', checked by the query). */
@Component
class AppointmentQueryAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.get("/api/admin/appointments/**").roles(Roles.ANY_STAFF));
    }
}
