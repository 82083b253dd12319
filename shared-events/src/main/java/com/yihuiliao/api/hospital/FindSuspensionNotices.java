package com.yihuiliao.api.hospital;

import com.yihuiliao.api.Query;
import com.yihuiliao.api.ListPage;
import java.time.LocalDate;

/**
 * Suspension notices of schedules from {@code from} to {@code to} (inclusive), soonest first; answered with a
 * {@link com.yihuiliao.api.ListPage} of {@link SuspensionNotice}.
 */
public record FindSuspensionNotices(LocalDate from, LocalDate to, String cursor, int size)
        implements Query<ListPage<SuspensionNotice>> {
}
