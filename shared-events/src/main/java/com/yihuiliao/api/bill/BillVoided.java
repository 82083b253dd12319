package com.yihuiliao.api.bill;

public record BillVoided(String billId, String reason, String operator) implements BillEvent {
}
