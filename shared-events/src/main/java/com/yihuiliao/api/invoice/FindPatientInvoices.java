package com.yihuiliao.api.invoice;

/** A patient's invoices, newest first, answered as a {@link com.yihuiliao.api.ListPage} of
 * {@link InvoiceSummary}. */
public record FindPatientInvoices(String patientId, String cursor, int size) {
}
