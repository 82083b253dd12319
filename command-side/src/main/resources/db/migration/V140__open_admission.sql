-- Command-side lookup of the admissions not yet settled, per patient (written in the admission's own transaction by
-- the subscribing lookups group, OpenAdmissions): while a patient has one, the inpatient deposit is not withdrawn
-- online. Admissions recorded before this table are filled in once at start-up from the event store.
CREATE TABLE open_admission (
    admission_id VARCHAR(32) NOT NULL PRIMARY KEY,
    patient_id   VARCHAR(64) NOT NULL
);
CREATE INDEX ix_open_admission_patient ON open_admission (patient_id);
