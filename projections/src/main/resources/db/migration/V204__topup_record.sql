-- Top-up records (outpatient balance, inpatient deposit), from the TopUp events. refunded_fen is what
-- withdrawals took back through the top-up so far (less what came back from failed refunds).

CREATE TABLE topup_record (
    top_up_id     VARCHAR(32) NOT NULL PRIMARY KEY,
    out_trade_no  VARCHAR(32) NOT NULL,
    patient_id    VARCHAR(64) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    channel       VARCHAR(16) NOT NULL,
    amount_fen    BIGINT      NOT NULL,
    status        VARCHAR(16) NOT NULL,
    refunded_fen  BIGINT      NOT NULL,
    created_at    DATETIME(6) NOT NULL,
    paid_at       DATETIME(6) NULL,
    credited_at   DATETIME(6) NULL,
    last_sequence BIGINT      NOT NULL
);
CREATE INDEX ix_topup_record_patient ON topup_record (patient_id, created_at);
CREATE INDEX ix_topup_record_created ON topup_record (created_at);
