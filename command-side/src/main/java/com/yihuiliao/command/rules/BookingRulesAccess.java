package com.yihuiliao.command.rules;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Booking rules: the schedulers. */
@Component
class BookingRulesAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.anyMethod("/api/admin/booking-rules/**").roles(Roles.SUPER_ADMIN, Roles.SCHEDULER));
    }
}
