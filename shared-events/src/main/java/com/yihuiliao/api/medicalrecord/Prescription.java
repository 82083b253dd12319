package com.yihuiliao.api.medicalrecord;

/**
 * One prescribed drug.
 *
 * @param drug          e.g. 阿莫西林胶囊
 * @param specification e.g. 0.25g×24粒; null when not given
 * @param usage         how to take it, e.g. 口服 每次0.5g 每日3次
 * @param quantity      how much was dispensed, e.g. 2盒; null when not given
 */
public record Prescription(String drug, String specification, String usage, String quantity) {
}
