package com.yihuiliao.api.report;

/**
 * One result of a report.
 *
 * @param name           what was measured, e.g. 白细胞计数
 * @param value          the result as the lab wrote it, e.g. 11.2 or 阴性
 * @param unit           e.g. 10^9/L; null when it has none
 * @param referenceRange e.g. 3.5-9.5; null when there is none
 * @param flag           HIGH (↑) or LOW (↓); null within the range
 */
public record ReportItem(String name, String value, String unit, String referenceRange, AbnormalFlag flag) {
}
