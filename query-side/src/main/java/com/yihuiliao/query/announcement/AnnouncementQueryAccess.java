package com.yihuiliao.query.announcement;

import com.yihuiliao.api.access.AccessRule;
import com.yihuiliao.api.access.PathAccess;
import java.util.List;
import org.springframework.stereotype.Component;

/** Announcements are public. */
@Component
class AnnouncementQueryAccess implements PathAccess {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.get("/api/announcements/**").open());
    }
}
