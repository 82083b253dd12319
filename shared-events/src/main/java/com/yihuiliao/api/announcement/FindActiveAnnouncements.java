package com.yihuiliao.api.announcement;

import com.yihuiliao.api.Query;
import java.util.List;

/**
 * The announcements patients see now: published, activeFrom ≤ now < activeUntil (or no end);
 * pinned first, then the newest activeFrom. Answer: a list of {@link AnnouncementSummary}.
 */
public record FindActiveAnnouncements() implements Query<List<AnnouncementSummary>> {
}
