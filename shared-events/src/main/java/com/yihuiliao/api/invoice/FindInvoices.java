package com.yihuiliao.api.invoice;

import java.time.Instant;

/**
 * Invoices issued in {@code [from, to)}, of one patient or (patientId null) of all, newest first, at
 * most {@code limit}; answered as a list of {@link InvoiceSummary}.
 */
public record FindInvoices(String patientId, Instant from, Instant to, int limit) {
}
