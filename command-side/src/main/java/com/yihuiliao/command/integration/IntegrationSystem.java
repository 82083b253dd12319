package com.yihuiliao.command.integration;

/** The hospital's systems that push data in, and so what each may push. */
public enum IntegrationSystem {
    /** 检验: lab reports. */
    LIS,
    /** 影像: imaging and exam reports. */
    PACS,
    /** The hospital information system: visits (medical records). */
    HIS
}
