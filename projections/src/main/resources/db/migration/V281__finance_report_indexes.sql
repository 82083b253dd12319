-- The top-up report reads credited top-ups by the time credited (and keyset on it).
CREATE INDEX ix_topup_record_credited ON topup_record (credited_at, top_up_id);
