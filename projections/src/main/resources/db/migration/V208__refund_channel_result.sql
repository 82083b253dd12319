-- What the channel said of a refund that went through (WeChat Pay's refund id and the account it
-- reached, or the balance it was credited to).
ALTER TABLE refund_record ADD COLUMN channel_result VARCHAR(200);
