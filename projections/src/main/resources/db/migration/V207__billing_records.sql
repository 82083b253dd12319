-- Billing records (消费 / 充值 / 退款记录, account movements), from the Payment, Refund and Account events.
-- Times are UTC; business_date is the Asia/Shanghai date a record counts on in daily reports.

-- One row per payment order. business_date: the date it was paid on (NULL until paid).
CREATE TABLE payment_record (
    out_trade_no   VARCHAR(40)  NOT NULL PRIMARY KEY,
    purpose        VARCHAR(16)  NOT NULL,
    reference_id   VARCHAR(100) NOT NULL,
    patient_id     VARCHAR(64)  NOT NULL,
    amount_fen     BIGINT       NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    transaction_id VARCHAR(64),
    refunded_fen   BIGINT       NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    paid_at        DATETIME(6),
    closed_at      DATETIME(6),
    close_reason   VARCHAR(500),
    business_date  DATE,
    last_sequence  BIGINT       NOT NULL
);
CREATE INDEX ix_payment_record_date ON payment_record (business_date, created_at);
CREATE INDEX ix_payment_record_patient ON payment_record (patient_id, created_at);
CREATE INDEX ix_payment_record_created ON payment_record (created_at);

-- One row per refund. business_date: the date it finished on, the date it was requested on until then.
-- patient_id and purpose are the payment's (NULL only until the payment's row is seen).
CREATE TABLE refund_record (
    out_refund_no  VARCHAR(40)  NOT NULL PRIMARY KEY,
    out_trade_no   VARCHAR(40)  NOT NULL,
    patient_id     VARCHAR(64),
    purpose        VARCHAR(16),
    amount_fen     BIGINT       NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    reason         VARCHAR(500),
    operator       VARCHAR(100),
    status         VARCHAR(16)  NOT NULL,
    failure_reason VARCHAR(500),
    requested_at   DATETIME(6)  NOT NULL,
    finished_at    DATETIME(6),
    business_date  DATE         NOT NULL,
    last_sequence  BIGINT       NOT NULL
);
CREATE INDEX ix_refund_record_date ON refund_record (business_date, requested_at);
CREATE INDEX ix_refund_record_patient ON refund_record (patient_id, requested_at);
CREATE INDEX ix_refund_record_payment ON refund_record (out_trade_no);
CREATE INDEX ix_refund_record_requested ON refund_record (requested_at);

-- One row per credit or debit: the account's event sequence number makes it unique.
CREATE TABLE account_movement (
    account_id        VARCHAR(80)  NOT NULL,
    sequence_number   BIGINT       NOT NULL,
    patient_id        VARCHAR(64)  NOT NULL,
    kind              VARCHAR(16)  NOT NULL,
    direction         VARCHAR(8)   NOT NULL,
    amount_fen        BIGINT       NOT NULL,
    balance_after_fen BIGINT       NOT NULL,
    cause_type        VARCHAR(32)  NOT NULL,
    cause_reference   VARCHAR(100) NOT NULL,
    occurred_at       DATETIME(6)  NOT NULL,
    business_date     DATE         NOT NULL,
    PRIMARY KEY (account_id, sequence_number)
);
CREATE INDEX ix_account_movement_patient ON account_movement (patient_id, kind, occurred_at);
CREATE INDEX ix_account_movement_date ON account_movement (business_date);
