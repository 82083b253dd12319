-- Red-letter e-invoices (红字票据), one per successful refund, each against the payment's invoice.
CREATE TABLE credit_note_view (
    invoice_no          VARCHAR(32)  NOT NULL PRIMARY KEY,
    out_refund_no       VARCHAR(32)  NOT NULL UNIQUE,
    out_trade_no        VARCHAR(32)  NOT NULL,
    original_invoice_no VARCHAR(32)  NOT NULL,
    patient_id          VARCHAR(64)  NOT NULL,
    amount_fen          BIGINT       NOT NULL,
    purpose             VARCHAR(16)  NOT NULL,
    channel             VARCHAR(16)  NOT NULL,
    object_key          VARCHAR(255) NOT NULL,
    issued_at           DATETIME(6)  NOT NULL
);
CREATE INDEX ix_credit_note_view_patient ON credit_note_view (patient_id, issued_at);
CREATE INDEX ix_credit_note_view_issued ON credit_note_view (issued_at);
