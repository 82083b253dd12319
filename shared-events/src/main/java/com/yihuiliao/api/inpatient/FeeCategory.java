package com.yihuiliao.api.inpatient;

/** What an inpatient fee line charges for (费用类别). */
public enum FeeCategory {
    /** 药品 */
    DRUG,
    /** 检查 */
    EXAMINATION,
    /** 检验 */
    LAB,
    /** 治疗 */
    TREATMENT,
    /** 手术 */
    SURGERY,
    /** 护理 */
    NURSING,
    /** 床位 */
    BED,
    /** 材料 */
    MATERIAL,
    /** 其他 */
    OTHER
}
