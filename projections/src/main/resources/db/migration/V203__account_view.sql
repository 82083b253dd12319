-- Patients' account balances (outpatient balance, inpatient deposit), from AccountCredited / AccountDebited.

CREATE TABLE account_view (
    account_id    VARCHAR(80) NOT NULL PRIMARY KEY,
    patient_id    VARCHAR(64) NOT NULL,
    kind          VARCHAR(16) NOT NULL,
    balance_fen   BIGINT      NOT NULL,
    last_sequence BIGINT      NOT NULL,
    updated_at    DATETIME(6) NOT NULL
);
CREATE INDEX ix_account_view_patient ON account_view (patient_id);
