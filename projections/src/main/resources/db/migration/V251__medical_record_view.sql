-- Medical records (medical-record-view): patients' lists by visit date, and every version of each record in full
-- (the content as JSON: a record is read whole, never searched by its parts). last_seq is the record aggregate's
-- sequence the row reflects, so redelivery changes nothing.

CREATE TABLE medical_record_view (
    record_id       VARCHAR(64)  NOT NULL PRIMARY KEY,
    patient_id      VARCHAR(64)  NOT NULL,
    visit_date      DATE         NOT NULL,
    department_name VARCHAR(64)  NOT NULL,
    doctor_name     VARCHAR(64)  NOT NULL,
    diagnosis       VARCHAR(100) NOT NULL,
    version         INT          NOT NULL,
    source          VARCHAR(16)  NOT NULL,
    external_no     VARCHAR(64)  NOT NULL,
    last_seq        BIGINT       NOT NULL
);
CREATE INDEX ix_medical_record_view_patient ON medical_record_view (patient_id, visit_date, record_id);

CREATE TABLE medical_record_version_view (
    record_id   VARCHAR(64)  NOT NULL,
    version     INT          NOT NULL,
    content     TEXT         NOT NULL,
    reason      VARCHAR(200),
    recorded_by VARCHAR(100) NOT NULL,
    recorded_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (record_id, version)
);
