package com.yihuiliao.api.announcement;

import com.yihuiliao.api.Query;
import com.yihuiliao.api.ListPage;

/** Staff's list of every announcement, withdrawn ones included; answered with a
 * {@link com.yihuiliao.api.ListPage} of {@link AnnouncementAdminView}. */
public record FindAllAnnouncements(String cursor, int size) implements Query<ListPage<AnnouncementAdminView>> {
}
