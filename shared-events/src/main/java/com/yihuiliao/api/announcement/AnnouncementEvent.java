package com.yihuiliao.api.announcement;

import com.yihuiliao.api.Event;

/** The announcement feature's events, all of them. */
public sealed interface AnnouncementEvent extends Event permits
        AnnouncementPublished,
        AnnouncementEdited,
        AnnouncementWithdrawn {
}
