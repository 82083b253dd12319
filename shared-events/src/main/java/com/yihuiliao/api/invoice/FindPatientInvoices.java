package com.yihuiliao.api.invoice;

/** A patient's invoices, newest first, answered as a list of {@link InvoiceSummary}. */
public record FindPatientInvoices(String patientId) {
}
