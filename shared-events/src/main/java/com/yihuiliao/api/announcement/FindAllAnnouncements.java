package com.yihuiliao.api.announcement;

/** Staff's list of every announcement, withdrawn ones included; pages start at 0. Answer: {@link AnnouncementPage}. */
public record FindAllAnnouncements(int page, int size) {
}
