-- Patients' refund requests (退费申请) of bill lines, from BillRefundRequested / Approved / Rejected.
CREATE TABLE bill_refund_request_view (
    request_id      VARCHAR(32)  NOT NULL PRIMARY KEY,
    bill_id         VARCHAR(64)  NOT NULL,
    patient_id      VARCHAR(64)  NOT NULL,
    line            INT          NOT NULL,
    amount_fen      BIGINT       NOT NULL,
    quantity        INT          NOT NULL,
    reason          VARCHAR(200) NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    decided_by      VARCHAR(80),
    decision_reason VARCHAR(200),
    out_refund_no   VARCHAR(32),
    requested_at    DATETIME(6)  NOT NULL,
    decided_at      DATETIME(6)
);
CREATE INDEX ix_bill_refund_request_bill ON bill_refund_request_view (bill_id, requested_at);
CREATE INDEX ix_bill_refund_request_status ON bill_refund_request_view (status, requested_at);
