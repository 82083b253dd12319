-- Every refund we have requested, whatever its channel, written in the refund's own transaction by the subscribing
-- lookups group (RefundOrderLookup), like payment_order for orders: what the reconciliation compares with WeChat
-- Pay's trade bill without replaying refunds. Refunds requested before this table are filled in once at start-up
-- (RefundOrderBackfill). failure: RefundFailure's code when it failed.
CREATE TABLE refund_order (
    out_refund_no VARCHAR(32) NOT NULL PRIMARY KEY,
    out_trade_no  VARCHAR(32) NOT NULL,
    amount_fen    BIGINT      NOT NULL,
    channel       VARCHAR(16) NOT NULL,
    status        VARCHAR(16) NOT NULL,
    failure       VARCHAR(32) NULL,
    requested_at  DATETIME(6) NOT NULL,
    finished_at   DATETIME(6) NULL
);
CREATE INDEX ix_refund_order_requested ON refund_order (channel, requested_at);
