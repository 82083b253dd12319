-- Counter top-ups (cash or POS at the cashier) are top-up records too: channel COUNTER, credited at once,
-- with the cashier's receipt number and the staff member who took the money instead of a WeChat order.
ALTER TABLE topup_record ADD COLUMN receipt_no VARCHAR(64);
ALTER TABLE topup_record ADD COLUMN operator VARCHAR(64);
ALTER TABLE topup_record MODIFY out_trade_no VARCHAR(32) NULL;

-- Rebuild the records from the events so counter top-ups made before this show too: the topup-view group
-- starts again from the first event (its handlers are idempotent; the operator of those is not known).
-- Flyway runs before any event processor starts.
DELETE FROM topup_record;
DELETE FROM token_entry WHERE processor_name = 'topup-view';
