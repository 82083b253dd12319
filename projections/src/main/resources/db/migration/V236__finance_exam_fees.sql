-- Exam fees (体检费, purpose EXAM) are consumption rows now. The finance-view group reads the store again from the
-- first event so exam fees paid before this show too: its handlers are idempotent (rows inserted once, a fee's
-- refunded total moving only forward, a line refund counted once), so every row already there stays as it is and
-- only the exam fees are added (with their summaries). Only Axon's token_entry (app, V1–V99) is touched: on a fresh
-- database this runs before V280 creates the group's tables. Flyway runs before any event processor starts.
DELETE FROM token_entry WHERE processor_name = 'finance-view';
