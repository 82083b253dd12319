-- WeChat orders not yet paid or closed, written in the order's own transaction: the sweep asks
-- WeChat Pay about those whose notification is late, and closes those past their expiry.
CREATE TABLE open_wechat_order (
    out_trade_no VARCHAR(32) NOT NULL PRIMARY KEY,
    purpose      VARCHAR(16) NOT NULL,
    reference_id VARCHAR(64) NOT NULL,
    created_at   DATETIME(6) NOT NULL
);
CREATE INDEX ix_open_wechat_order_created ON open_wechat_order (created_at);
