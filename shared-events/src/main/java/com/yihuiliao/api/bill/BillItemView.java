package com.yihuiliao.api.bill;

public record BillItemView(int line, String code, String name, BillItemCategory category, int quantity,
                           long unitPriceFen, long amountFen, long paidFen, long refundedFen,
                           int refundedQuantity) {
}
