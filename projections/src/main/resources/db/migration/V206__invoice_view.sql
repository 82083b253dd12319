-- Issued e-invoices (from InvoiceIssued): patients' lists, staff search by patient and time, and where each PDF is stored.

CREATE TABLE invoice_view (
    invoice_no   VARCHAR(32)  NOT NULL PRIMARY KEY,
    out_trade_no VARCHAR(32)  NOT NULL UNIQUE,
    patient_id   VARCHAR(64)  NOT NULL,
    amount_fen   BIGINT       NOT NULL,
    purpose      VARCHAR(16)  NOT NULL,
    channel      VARCHAR(16)  NOT NULL,
    object_key   VARCHAR(255) NOT NULL,
    issued_at    DATETIME(6)  NOT NULL
);
CREATE INDEX ix_invoice_view_patient ON invoice_view (patient_id, issued_at);
CREATE INDEX ix_invoice_view_issued ON invoice_view (issued_at);
