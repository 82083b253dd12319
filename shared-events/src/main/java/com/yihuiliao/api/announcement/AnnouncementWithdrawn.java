package com.yihuiliao.api.announcement;

/** Staff withdrew an announcement: it is no longer shown and can no longer be edited. */
public record AnnouncementWithdrawn(String announcementId, String withdrawnBy) implements AnnouncementEvent {
}
