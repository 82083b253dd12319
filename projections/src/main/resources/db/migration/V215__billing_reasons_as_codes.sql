-- Billing records keep why as codes and data, never as a sentence in one language: the query API words them
-- in the reader's language. A refund: its reason code and the note a person gave; its failure code and detail
-- (WeChat Pay's error code); what the channel said (the balance after a credit, or WeChat Pay's refund id and
-- the receiving account). A closed payment: its close code and detail (WeChat Pay's trade state).
-- reason_note, failure_detail, channel_note and close_detail also keep old sentences no upcaster recognised.
ALTER TABLE refund_record DROP COLUMN reason;
ALTER TABLE refund_record DROP COLUMN failure_reason;
ALTER TABLE refund_record DROP COLUMN channel_result;
ALTER TABLE refund_record ADD COLUMN reason_code VARCHAR(40);
ALTER TABLE refund_record ADD COLUMN reason_note VARCHAR(500);
ALTER TABLE refund_record ADD COLUMN failure_code VARCHAR(40);
ALTER TABLE refund_record ADD COLUMN failure_detail VARCHAR(500);
ALTER TABLE refund_record ADD COLUMN balance_after_fen BIGINT;
ALTER TABLE refund_record ADD COLUMN wechat_refund_id VARCHAR(64);
ALTER TABLE refund_record ADD COLUMN received_by VARCHAR(100);
ALTER TABLE refund_record ADD COLUMN channel_note VARCHAR(200);
ALTER TABLE payment_record DROP COLUMN close_reason;
ALTER TABLE payment_record ADD COLUMN close_reason_code VARCHAR(40);
ALTER TABLE payment_record ADD COLUMN close_detail VARCHAR(500);
-- V77 rebuilds the records from the events.
