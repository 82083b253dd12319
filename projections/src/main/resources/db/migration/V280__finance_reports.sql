-- Finance's reports (finance-view, projection.finance). Times are UTC; business_date is the Asia/Shanghai date
-- a record counts on. No personal data: patients are joined from patient_directory when a report is read.

-- What the consumption rows need to know before the money arrives: an appointment's department and doctor,
-- and a bill's lines as issued.
CREATE TABLE finance_appointment (
    appointment_id VARCHAR(64) NOT NULL PRIMARY KEY,
    department_id  VARCHAR(64) NOT NULL,
    doctor_id      VARCHAR(64) NOT NULL
);

CREATE TABLE finance_bill_line (
    bill_id       VARCHAR(64)  NOT NULL,
    line          INT          NOT NULL,
    item_code     VARCHAR(64),
    item_name     VARCHAR(200) NOT NULL,
    category      VARCHAR(16),
    amount_fen    BIGINT       NOT NULL,
    department_id VARCHAR(64)  NOT NULL,
    doctor_id     VARCHAR(64)  NOT NULL,
    PRIMARY KEY (bill_id, line)
);

-- 门诊消费记录: one row per paid registration fee (row_id = out_trade_no, line 0) and per line of a paid bill
-- (row_id = out_trade_no:line). net_fen = amount_fen - refunded_fen, kept so the report sorts on it.
CREATE TABLE finance_consumption (
    row_id        VARCHAR(80)  NOT NULL PRIMARY KEY,
    out_trade_no  VARCHAR(40)  NOT NULL,
    purpose       VARCHAR(16)  NOT NULL,
    reference_id  VARCHAR(100) NOT NULL,
    line          INT          NOT NULL,
    patient_id    VARCHAR(64)  NOT NULL,
    department_id VARCHAR(64)  NOT NULL,
    doctor_id     VARCHAR(64)  NOT NULL,
    item_code     VARCHAR(64),
    item_name     VARCHAR(200),
    category      VARCHAR(16),
    channel       VARCHAR(16)  NOT NULL,
    amount_fen    BIGINT       NOT NULL,
    refunded_fen  BIGINT       NOT NULL,
    net_fen       BIGINT       NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    paid_at       DATETIME(6)  NOT NULL,
    business_date DATE         NOT NULL,
    last_sequence BIGINT       NOT NULL
);
CREATE INDEX ix_finance_consumption_paid ON finance_consumption (paid_at, row_id);
CREATE INDEX ix_finance_consumption_date ON finance_consumption (business_date, paid_at);
CREATE INDEX ix_finance_consumption_department ON finance_consumption (department_id, business_date);
CREATE INDEX ix_finance_consumption_patient ON finance_consumption (patient_id, paid_at);
CREATE INDEX ix_finance_consumption_order ON finance_consumption (out_trade_no);

-- A bill line's refunds, counted on the line once their money moved (RefundSettled), each once.
CREATE TABLE finance_line_refund (
    out_refund_no VARCHAR(40) NOT NULL PRIMARY KEY,
    row_id        VARCHAR(80) NOT NULL,
    amount_fen    BIGINT      NOT NULL,
    settled       BOOLEAN     NOT NULL
);

-- Daily summaries: business date x department x channel x purpose, kept by the same transactions that change
-- the consumption rows, so they always equal those rows' sums (refunds count on the day the money was paid).
CREATE TABLE finance_daily_summary (
    business_date DATE        NOT NULL,
    department_id VARCHAR(64) NOT NULL,
    channel       VARCHAR(16) NOT NULL,
    purpose       VARCHAR(16) NOT NULL,
    record_count  BIGINT      NOT NULL,
    gross_fen     BIGINT      NOT NULL,
    refunded_fen  BIGINT      NOT NULL,
    PRIMARY KEY (business_date, department_id, channel, purpose)
);
