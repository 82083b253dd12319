-- Staff's appointment detail: who made each status change (as far as its event says: PATIENT, HOSPITAL,
-- SYSTEM; NULL for a confirmation), and the payment that confirmed the appointment.
ALTER TABLE appointment_history ADD COLUMN changed_by VARCHAR(16);
ALTER TABLE appointment_view ADD COLUMN payment_reference VARCHAR(64);

-- rows written before: the same answers, read back from the reasons the projection wrote
UPDATE appointment_history SET changed_by = CASE
    WHEN status = 'HELD' THEN 'PATIENT'
    WHEN status = 'EXPIRED' THEN 'SYSTEM'
    WHEN status = 'CANCELLED' AND reason LIKE 'Cancelled by the hospital:%' THEN 'HOSPITAL'
    WHEN status = 'CANCELLED' THEN 'PATIENT'
    ELSE NULL END;
UPDATE appointment_view SET payment_reference = (
    SELECT MAX(SUBSTRING(h.reason, 7)) FROM appointment_history h
    WHERE h.appointment_id = appointment_view.id AND h.status = 'CONFIRMED' AND h.reason LIKE 'Paid: %');
