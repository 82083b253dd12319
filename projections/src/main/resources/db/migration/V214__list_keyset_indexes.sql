-- Keyset pages read an index range in the list's order. InnoDB appends the primary key to every secondary
-- index, so an index on (filter, sort columns) also holds the tie-breaking id; the existing
-- (patient_id, created_at)-style indexes already serve payments, refunds, bills, top-ups, invoices and refund
-- requests. These cover the orders that had none.
CREATE INDEX ix_appointment_view_patient_order ON appointment_view (patient_id, visit_date, booked_at);
CREATE INDEX ix_appointment_view_staff_order ON appointment_view (visit_date, period, booked_at);
CREATE INDEX ix_account_movement_patient_order ON account_movement (patient_id, occurred_at);
CREATE INDEX ix_announcement_view_order ON announcement_view (active_from);
