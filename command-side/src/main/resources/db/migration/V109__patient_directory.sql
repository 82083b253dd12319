-- What staff pages may show of a patient: the name and the masked ID number (1101**********0179), never the
-- full number or the phone. Written by the command side in the same transaction as the patient row (names and
-- ID numbers never enter the event store), read by the staff pages of the query side, which share the database
-- in every deployment. Rows of patients added before this table existed are filled at start-up
-- (PatientDirectory.backfill), since the masking is Java's (Masking), not SQL's.

CREATE TABLE patient_directory (
    patient_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    real_name        VARCHAR(32) NOT NULL,
    id_number_masked VARCHAR(18) NOT NULL
);
