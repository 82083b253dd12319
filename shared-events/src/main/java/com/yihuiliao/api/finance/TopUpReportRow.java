package com.yihuiliao.api.finance;

import com.yihuiliao.api.account.AccountKind;
import com.yihuiliao.api.payment.PaymentChannel;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One credited top-up of 门诊充值 / 住院充值 records: by WeChat Pay (its order) or at the counter (the cashier's
 * receipt and the staff member who took the money). {@code refundedFen} is what withdrawals took back through it.
 * The patient's name and masked ID number are read from the staff patient directory when the report is read.
 */
public record TopUpReportRow(String topUpId, String outTradeNo, String patientId, String patientName,
                             String idNumberMasked, AccountKind kind, PaymentChannel channel, long amountFen,
                             long refundedFen, long netFen, ConsumptionStatus status, String receiptNo,
                             String operator, OffsetDateTime creditedAt, LocalDate businessDate) {
}
