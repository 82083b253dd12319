package com.yihuiliao.command.notification;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Parked notifications: the super admin's, like the dead letters. The inbox is under /api/me/**, the patients'. */
@Component
class NotificationAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.anyMethod("/api/admin/notifications/**").roles(Roles.SUPER_ADMIN));
    }
}
