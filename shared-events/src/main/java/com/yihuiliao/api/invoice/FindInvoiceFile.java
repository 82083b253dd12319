package com.yihuiliao.api.invoice;

/** Where one invoice's PDF is stored, answered as an {@link InvoiceFile} (null when there is no such invoice). */
public record FindInvoiceFile(String invoiceNo) {
}
