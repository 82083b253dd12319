-- Invoice numbers: one row per paid order, written once in a transaction of its own, so a payment
-- keeps its number when its invoice is made again (YHL + Shanghai date + seq, 8 digits).
CREATE TABLE invoice_number (
    out_trade_no VARCHAR(32) NOT NULL PRIMARY KEY,
    seq          BIGINT      NOT NULL AUTO_INCREMENT UNIQUE,
    created_at   DATETIME(6) NOT NULL
);
