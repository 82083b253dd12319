package com.yihuiliao.api.invoice;

import com.yihuiliao.api.ListPage;
import com.yihuiliao.api.Query;
import java.time.Instant;

/**
 * Invoices issued in {@code [from, to)}, of one patient or (patientId null) of all, newest first; answered
 * as a {@link com.yihuiliao.api.ListPage} of {@link InvoiceSummary}.
 */
public record FindInvoices(String patientId, Instant from, Instant to, String cursor, int size)
        implements Query<ListPage<InvoiceSummary>> {
}
