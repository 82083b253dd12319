-- Rebuild the billing records from the events, which the upcasters (app.ReasonUpcasters) read with the old
-- sentences turned into codes: one place knows the old sentences, and every amount comes again from the same
-- events. The billing-view group starts again from the first event (its handlers are idempotent).
-- Flyway runs before any event processor starts.
DELETE FROM account_movement;
DELETE FROM refund_record;
DELETE FROM payment_record;
DELETE FROM token_entry WHERE processor_name = 'billing-view';

-- A patient's cancellation without a reason was stored as the sentence "Cancelled by the patient": that is
-- the step itself (worded per reader), not a reason.
UPDATE appointment_history SET reason = NULL WHERE status = 'CANCELLED' AND reason = 'Cancelled by the patient';
