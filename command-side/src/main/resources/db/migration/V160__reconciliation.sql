-- 对账: the daily reconciliation of WeChat Pay's trade bill with our payments and refunds (command.reconciliation).
-- One row per business day (Asia/Shanghai) with the last run's counts; re-running a day replaces its result by the
-- same rules. A mismatch is one row per day, entry type and number (the unique key: a re-run never duplicates);
-- finance resolves it with a note, and a resolved one is kept as it was resolved.
CREATE TABLE reconciliation_day (
    bill_date          DATE        NOT NULL PRIMARY KEY,
    wechat_payments    INT         NOT NULL,
    wechat_refunds     INT         NOT NULL,
    our_payments       INT         NOT NULL,
    our_refunds        INT         NOT NULL,
    wechat_payment_fen BIGINT      NOT NULL,
    wechat_refund_fen  BIGINT      NOT NULL,
    our_payment_fen    BIGINT      NOT NULL,
    our_refund_fen     BIGINT      NOT NULL,
    mismatches         INT         NOT NULL,
    runs               INT         NOT NULL,
    ran_at             DATETIME(6) NOT NULL,
    ran_by             VARCHAR(64) NOT NULL
);

CREATE TABLE reconciliation_mismatch (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    bill_date       DATE         NOT NULL,
    entry_type      VARCHAR(8)   NOT NULL,
    number          VARCHAR(32)  NOT NULL,
    out_trade_no    VARCHAR(32)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    wechat_fen      BIGINT       NULL,
    our_fen         BIGINT       NULL,
    wechat_status   VARCHAR(16)  NULL,
    our_status      VARCHAR(16)  NULL,
    found_at        DATETIME(6)  NOT NULL,
    resolved_at     DATETIME(6)  NULL,
    resolved_by     VARCHAR(64)  NULL,
    resolution_note VARCHAR(500) NULL,
    CONSTRAINT uq_reconciliation_mismatch UNIQUE (bill_date, entry_type, number)
);
CREATE INDEX ix_reconciliation_mismatch_list ON reconciliation_mismatch (bill_date, id);
