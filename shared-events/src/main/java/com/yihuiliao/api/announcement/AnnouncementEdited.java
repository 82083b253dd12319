package com.yihuiliao.api.announcement;

import java.time.Instant;

/** Staff replaced a published announcement's content and active period; the whole new state is carried. */
public record AnnouncementEdited(String announcementId, String title, String body, Instant activeFrom,
                                 Instant activeUntil, boolean pinned, String editedBy) implements AnnouncementEvent {
}
