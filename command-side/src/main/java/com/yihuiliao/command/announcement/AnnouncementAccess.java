package com.yihuiliao.command.announcement;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import com.yihuiliao.api.access.Roles;
import java.util.List;
import org.springframework.stereotype.Component;

/** Announcements: the schedulers publish and withdraw them. */
@Component
class AnnouncementAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.anyMethod("/api/admin/announcements/**").roles(Roles.SUPER_ADMIN, Roles.SCHEDULER));
    }
}
