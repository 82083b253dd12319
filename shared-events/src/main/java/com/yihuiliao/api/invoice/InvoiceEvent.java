package com.yihuiliao.api.invoice;

import com.yihuiliao.api.Event;

/** The invoice feature's events, all of them. */
public sealed interface InvoiceEvent extends Event permits
        InvoiceIssued,
        CreditNoteIssued {
}
