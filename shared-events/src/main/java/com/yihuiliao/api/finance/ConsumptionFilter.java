package com.yihuiliao.api.finance;

import com.yihuiliao.api.payment.PaymentChannel;
import com.yihuiliao.api.payment.PaymentPurpose;
import java.time.LocalDate;

/**
 * The consumption report's filter; every part optional. {@code from} / {@code to}: Asia/Shanghai business dates
 * (the day paid), inclusive. {@code patient}: a fragment of the patient's name or of the visible digits of the
 * masked ID number, or the patient id itself.
 */
public record ConsumptionFilter(LocalDate from, LocalDate to, String departmentId, String doctorId, String patient,
                                PaymentChannel channel, PaymentPurpose purpose, ConsumptionStatus status) {
}
