package com.yihuiliao.api.invoice;

import com.yihuiliao.api.Query;
import com.yihuiliao.api.ListPage;

/** A patient's invoices, newest first, answered as a {@link com.yihuiliao.api.ListPage} of
 * {@link InvoiceSummary}. */
public record FindPatientInvoices(String patientId, String cursor, int size)
        implements Query<ListPage<InvoiceSummary>> {
}
