package com.yihuiliao.command.appointment;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Patients book, cancel and pay their own appointments; the cashiers confirm payments and register walk-ins (现场挂号). */
@Component
class BookingAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.anyMethod("/api/appointments/**").roles(Roles.PATIENT),
                AccessRule.post("/api/admin/appointments/*/confirm").roles(Roles.SUPER_ADMIN, Roles.FINANCE),
                AccessRule.post("/api/admin/walk-ins").roles(Roles.SUPER_ADMIN, Roles.FINANCE));
    }
}
