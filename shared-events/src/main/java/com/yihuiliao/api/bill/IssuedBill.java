package com.yihuiliao.api.bill;

/** The answer to {@link IssueBill}; {@code repeated} when the external number had issued it before. */
public record IssuedBill(String billId, String externalNo, String patientId, long totalFen, BillStatus status,
                         boolean repeated) {
}
