-- Which account a patient belongs to, and whether they were removed: for query-side ownership checks.

CREATE TABLE patient_view (
    patient_id VARCHAR(64) NOT NULL PRIMARY KEY,
    account_id VARCHAR(64) NOT NULL,
    removed    BOOLEAN     NOT NULL
);
CREATE INDEX ix_patient_view_account ON patient_view (account_id);
