-- The history's reason is data, not an English sentence: the canceller's own words, a confirmation's
-- payment reference, nothing for a hold or an expiry. The query API words each step in the reader's language.
UPDATE appointment_history SET reason = NULL
 WHERE reason IN ('Slot held, awaiting payment', 'Not paid in time; the slot was released');
UPDATE appointment_history SET reason = SUBSTRING(reason, 7) WHERE reason LIKE 'Paid: %';
UPDATE appointment_history SET reason = SUBSTRING(reason, 28) WHERE reason LIKE 'Cancelled by the hospital: %';
UPDATE appointment_history SET reason = SUBSTRING(reason, 27) WHERE reason LIKE 'Cancelled by the patient: %';
UPDATE appointment_history SET reason = NULL WHERE reason = 'null';
