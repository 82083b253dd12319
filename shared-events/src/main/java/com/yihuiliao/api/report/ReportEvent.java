package com.yihuiliao.api.report;

import com.yihuiliao.api.Event;

/** The report feature's events, all of them. */
public sealed interface ReportEvent extends Event permits
        ReportAmended,
        ReportRecorded,
        ReportReleased {
}
