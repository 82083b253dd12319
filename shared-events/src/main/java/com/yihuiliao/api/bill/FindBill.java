package com.yihuiliao.api.bill;

public record FindBill(String billId) {
}
