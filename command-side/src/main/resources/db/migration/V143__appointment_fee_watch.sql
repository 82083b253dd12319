-- The fee of each watched appointment (beside appointment_period_watch, V170, and gone with its row; a table of its
-- own since a script may not rely on a later one of its module): a patient's cancellation of a paid (refunded)
-- appointment on its visit day is counted as a same-day refund (SAME_DAY_REFUND). Appointments booked before this
-- table existed have no row: not counted as one.
CREATE TABLE appointment_fee_watch (
    appointment_id VARCHAR(64) NOT NULL PRIMARY KEY,
    fee_fen        BIGINT      NOT NULL
);
