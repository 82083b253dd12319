package com.yihuiliao.api.finance;

import com.yihuiliao.api.bill.BillItemCategory;
import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One row of 门诊消费记录: a paid registration or exam fee ({@code line} 0; an exam fee has no department or
 * doctor) or one line of a paid bill. The patient's name
 * and masked ID number are read from the staff patient directory when the report is read (never stored here, so
 * erasing the patient erases them from the report); department and doctor names from the catalogue.
 *
 * @param recordId   the row's id: the payment's out_trade_no, with {@code :<line>} for a bill line
 * @param itemName   the bill line's name; null for a registration or exam fee (worded by the reader)
 * @param refundedFen what came back of it so far (refunds that succeeded)
 * @param netFen     amount less refunded
 * @param invoiceNo  the payment's e-invoice number, once issued
 * @param paidAt     when it was paid, in Asia/Shanghai time
 */
public record ConsumptionRecord(String recordId, String outTradeNo, PaymentPurpose purpose, String referenceId,
                                int line, String patientId, String patientName, String idNumberMasked,
                                String departmentId, String departmentName, String doctorId, String doctorName,
                                String itemCode, String itemName, BillItemCategory category, PaymentChannel channel,
                                long amountFen, long refundedFen, long netFen, ConsumptionStatus status,
                                String invoiceNo, OffsetDateTime paidAt, LocalDate businessDate) {
}
