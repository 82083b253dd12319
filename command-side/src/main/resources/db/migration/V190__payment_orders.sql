-- Every order we have created, whatever its channel, written in the order's own transaction by the
-- subscribing lookups group (PaymentOrderLookup): who pays what for which appointment, bill or top-up,
-- by which channel, and where it stands. The controllers, the WeChat Pay reactions, the bill and top-up
-- flows and the invoices ask this table instead of reading an order's events; the open WeChat orders (the
-- sweep's, the balance-payment guard's) are its rows of channel WECHAT and status CREATED, so
-- open_wechat_order (V17, V21) is no longer written and may be dropped once no older node runs. Orders
-- created before this table are filled in once at start-up by PaymentOrderBackfill, from the event store.
CREATE TABLE payment_order (
    out_trade_no VARCHAR(32) NOT NULL PRIMARY KEY,
    purpose      VARCHAR(16) NOT NULL,
    reference_id VARCHAR(64) NOT NULL,
    patient_id   VARCHAR(64) NOT NULL,
    amount_fen   BIGINT      NOT NULL,
    channel      VARCHAR(16) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    created_at   DATETIME(6) NOT NULL,
    paid_at      DATETIME(6) NULL
);
CREATE INDEX ix_payment_order_reference ON payment_order (purpose, reference_id);
CREATE INDEX ix_payment_order_open ON payment_order (status, created_at);
