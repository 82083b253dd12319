package com.yihuiliao.api.report;

import java.time.Instant;
import java.util.List;

/**
 * What a report says: as recorded, or as amended.
 *
 * @param title      e.g. 血常规 or 胸部CT平扫
 * @param reportedAt when the lab or radiologist signed it
 * @param items      structured results (lab reports; may be empty for imaging)
 * @param findings   what was seen (检查所见), imaging; null when none
 * @param conclusion the conclusion (诊断意见 / 结论); null when none
 * @param objectKey  where its PDF is stored; null when it has none
 */
public record ReportContent(String title, Instant reportedAt, List<ReportItem> items, String findings,
                            String conclusion, String objectKey) {

    public ReportContent {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
