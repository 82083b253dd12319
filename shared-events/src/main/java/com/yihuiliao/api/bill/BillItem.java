package com.yihuiliao.api.bill;

/**
 * One line of a bill: quantity × unit price = amount, in fen. Built with {@link #of}, which computes the
 * amount without overflow ({@link ArithmeticException} when it would).
 */
public record BillItem(int line, String code, String name, BillItemCategory category, int quantity,
                       long unitPriceFen, long amountFen) {

    public static BillItem of(int line, String code, String name, BillItemCategory category, int quantity,
                              long unitPriceFen) {
        return new BillItem(line, code, name, category, quantity, unitPriceFen,
                Math.multiplyExact((long) quantity, unitPriceFen));
    }
}
