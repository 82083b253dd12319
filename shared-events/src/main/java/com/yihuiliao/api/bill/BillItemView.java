package com.yihuiliao.api.bill;

/** One line of a bill: what it is, quantity, price and what of it was refunded. */
public record BillItemView(int line, String code, String name, BillItemCategory category, int quantity,
                           long unitPriceFen, long amountFen, long paidFen, long refundedFen,
                           int refundedQuantity) {
}
