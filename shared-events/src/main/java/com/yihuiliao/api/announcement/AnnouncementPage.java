package com.yihuiliao.api.announcement;

import java.util.List;

/** One page of staff's announcement list, and how many announcements there are in all. */
public record AnnouncementPage(List<AnnouncementAdminView> items, long total) {
}
