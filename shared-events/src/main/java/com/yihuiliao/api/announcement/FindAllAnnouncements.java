package com.yihuiliao.api.announcement;

/** Staff's list of every announcement, withdrawn ones included; answered with a
 * {@link com.yihuiliao.api.ListPage} of {@link AnnouncementAdminView}. */
public record FindAllAnnouncements(String cursor, int size) {
}
