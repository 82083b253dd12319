package com.yihuiliao.api.report;

/** 检验 (lab, from the LIS) or 检查 (imaging and exams, from PACS). */
public enum ReportType {
    LAB,
    IMAGING
}
