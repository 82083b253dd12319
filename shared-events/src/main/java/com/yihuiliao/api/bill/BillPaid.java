package com.yihuiliao.api.bill;

import com.yihuiliao.api.payment.PaymentChannel;

public record BillPaid(String billId, String patientId, String outTradeNo, PaymentChannel channel, long amountFen)
        implements BillEvent {
}
