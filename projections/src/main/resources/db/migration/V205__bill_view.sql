-- Bills (自助缴费) and their lines, from BillIssued / BillPaid / BillVoided / BillItemRefunded.

CREATE TABLE bill_view (
    bill_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    external_no   VARCHAR(64),
    patient_id    VARCHAR(64)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    total_fen     BIGINT       NOT NULL,
    refunded_fen  BIGINT       NOT NULL,
    department_id VARCHAR(64),
    doctor_id     VARCHAR(64),
    issued_by     VARCHAR(80),
    out_trade_no  VARCHAR(32),
    channel       VARCHAR(16),
    issued_at     DATETIME(6)  NOT NULL,
    paid_at       DATETIME(6),
    voided_at     DATETIME(6),
    void_reason   VARCHAR(200),
    last_sequence BIGINT       NOT NULL
);
CREATE INDEX ix_bill_view_patient ON bill_view (patient_id, issued_at);
CREATE INDEX ix_bill_view_issued ON bill_view (issued_at);

CREATE TABLE bill_item_view (
    bill_id           VARCHAR(64)  NOT NULL,
    line              INT          NOT NULL,
    code              VARCHAR(32)  NOT NULL,
    name              VARCHAR(100) NOT NULL,
    category          VARCHAR(16)  NOT NULL,
    quantity          INT          NOT NULL,
    unit_price_fen    BIGINT       NOT NULL,
    amount_fen        BIGINT       NOT NULL,
    paid_fen          BIGINT       NOT NULL,
    refunded_fen      BIGINT       NOT NULL,
    refunded_quantity INT          NOT NULL,
    PRIMARY KEY (bill_id, line)
);
