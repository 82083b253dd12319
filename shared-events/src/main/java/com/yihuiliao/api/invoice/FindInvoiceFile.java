package com.yihuiliao.api.invoice;

import com.yihuiliao.api.Query;

/** Where one invoice's PDF is stored, answered as an {@link InvoiceFile} (null when there is no such invoice). */
public record FindInvoiceFile(String invoiceNo) implements Query<InvoiceFile> {
}
