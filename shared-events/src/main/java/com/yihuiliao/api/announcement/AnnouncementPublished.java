package com.yihuiliao.api.announcement;

import java.time.Instant;

/**
 * Staff published an announcement (公告). It is shown from activeFrom until activeUntil (exclusive;
 * null: until withdrawn); pinned ones come first. publishedBy is the staff member's token subject.
 */
public record AnnouncementPublished(String announcementId, String title, String body, Instant activeFrom,
                                    Instant activeUntil, boolean pinned, String publishedBy)
        implements AnnouncementEvent {
}
