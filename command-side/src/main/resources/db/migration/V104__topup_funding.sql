-- Command-side lookup of the top-ups that fund each account (written in the same transaction as the
-- top-up's events, by the subscribing group topup-lookups): the candidates a withdrawal refunds through,
-- newest first. The TopUp aggregates decide what is refundable; refundable_fen only skips exhausted ones.

CREATE TABLE topup_funding (
    top_up_id      VARCHAR(32) NOT NULL PRIMARY KEY,
    out_trade_no   VARCHAR(32) NOT NULL,
    patient_id     VARCHAR(64) NOT NULL,
    kind           VARCHAR(16) NOT NULL,
    paid_at        DATETIME(6) NOT NULL,
    refundable_fen BIGINT      NOT NULL
);
CREATE INDEX ix_topup_funding_account ON topup_funding (patient_id, kind, paid_at);
