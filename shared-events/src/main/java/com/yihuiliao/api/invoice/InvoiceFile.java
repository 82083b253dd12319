package com.yihuiliao.api.invoice;

/** An invoice's owner and the object key of its PDF. */
public record InvoiceFile(String invoiceNo, String patientId, String objectKey) {
}
