-- Patients (就诊人): the people an account books for. Removal is soft (removed_at set) so history
-- stays readable. "An ID number once among an account's live patients", "at most N live patients"
-- and "one default" are checked by the service under the account's row in patient_account_lock
-- (a unique key cannot include the nullable removed_at reliably). Instants are UTC wall time.

CREATE TABLE patient (
    id           VARCHAR(64)  NOT NULL PRIMARY KEY,
    account_id   VARCHAR(64)  NOT NULL,
    real_name    VARCHAR(32)  NOT NULL,
    id_number    VARCHAR(18)  NOT NULL,
    phone        VARCHAR(11),
    relationship VARCHAR(16)  NOT NULL,
    is_default   BOOLEAN      NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    removed_at   DATETIME(6)
);
CREATE INDEX ix_patient_account ON patient (account_id);

-- One row per account that has changed its patients: locked by each change, so the changes of one
-- account run one after the other and each sees the last.
CREATE TABLE patient_account_lock (
    account_id VARCHAR(64) NOT NULL PRIMARY KEY,
    version    BIGINT      NOT NULL
);
