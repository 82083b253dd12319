-- The real person behind a patient (实名制): a keyed hash (HMAC-SHA256, yihuiliao.standing.secret) of the
-- identity document's key, never the number. Two accounts' patients with one document share it, and so share
-- a ban. Written by PatientDirectory with the patient row; rows from before are filled at start-up.
ALTER TABLE patient_directory ADD COLUMN standing_key VARCHAR(64);
CREATE INDEX ix_patient_directory_standing ON patient_directory (standing_key);

-- Bans (PersonBanned, BanLifted), kept by the lookups group in the ban's own transaction: the booking reads
-- the person's current ban here (one indexed read), staff list them. A newer ban of the same person replaces
-- the one before (replaced_by).
CREATE TABLE standing_ban (
    ban_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    standing_key VARCHAR(64)  NOT NULL,
    patient_id   VARCHAR(64)  NOT NULL,
    offence      VARCHAR(32)  NOT NULL,
    rule_name    VARCHAR(64)  NOT NULL,
    counted      INT          NOT NULL,
    banned_from  DATETIME(6)  NOT NULL,
    banned_until DATETIME(6)  NOT NULL,
    replaced_by  VARCHAR(64),
    lifted_at    DATETIME(6),
    lifted_by    VARCHAR(64),
    lift_reason  VARCHAR(500)
);
CREATE INDEX ix_standing_ban_key ON standing_ban (standing_key, banned_until);
CREATE INDEX ix_standing_ban_until ON standing_ban (banned_until);

-- "At most N live appointments per patient, per department (scope D:<id>) and per doctor (O:<id>), per visit
-- date": set-based validation like patient_daily_booking, in the booking's own transaction.
CREATE TABLE patient_daily_scope_booking (
    patient_id VARCHAR(64) NOT NULL,
    visit_date DATE        NOT NULL,
    scope      VARCHAR(70) NOT NULL,
    booked     INT         NOT NULL,
    PRIMARY KEY (patient_id, visit_date, scope)
);
