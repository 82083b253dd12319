package com.yihuiliao.api.inpatient;

import java.time.LocalDate;

/**
 * One fee line (费用明细) of an admission: quantity × unit price = amount, in fen. Built with {@link #of}, which
 * computes the amount without overflow ({@link ArithmeticException} when it would).
 *
 * @param lineNo   the source's own line number: the same number posts once
 * @param feeDate  the Shanghai date the fee was incurred on
 * @param itemCode the hospital's item code, optional
 */
public record FeeLine(String lineNo, LocalDate feeDate, FeeCategory category, String itemCode, String itemName,
                      int quantity, long unitPriceFen, long amountFen) {

    public static FeeLine of(String lineNo, LocalDate feeDate, FeeCategory category, String itemCode, String itemName,
                             int quantity, long unitPriceFen) {
        return new FeeLine(lineNo, feeDate, category, itemCode, itemName, quantity, unitPriceFen,
                Math.multiplyExact((long) quantity, unitPriceFen));
    }
}
