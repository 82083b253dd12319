-- The patient's phone in the staff directory, for staff searches by a fragment of it only (the finance reports,
-- the exam bookings): matched in SQL, never selected into a response, an event or a log line. Kept by
-- PatientDirectory with the rest of the row; existing rows take it from the patient row once, here.
ALTER TABLE patient_directory ADD COLUMN phone VARCHAR(11) NULL;
UPDATE patient_directory SET phone = (SELECT p.phone FROM patient p WHERE p.id = patient_directory.patient_id);
