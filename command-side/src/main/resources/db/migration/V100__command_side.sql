-- Command-side lookup tables (written in the same transaction as the command) and reference data.

CREATE TABLE patient_daily_booking (
    patient_id  VARCHAR(64) NOT NULL,
    visit_date  DATE        NOT NULL,
    booked      INT         NOT NULL,
    PRIMARY KEY (patient_id, visit_date)
);

CREATE TABLE schedule_registry (
    schedule_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    doctor_id     VARCHAR(64) NOT NULL,
    department_id VARCHAR(64) NOT NULL,
    visit_date    DATE        NOT NULL,
    period        VARCHAR(16) NOT NULL,
    CONSTRAINT uk_schedule_doctor_slot UNIQUE (doctor_id, visit_date, period)
);
CREATE INDEX ix_schedule_registry_date ON schedule_registry (visit_date, department_id);

CREATE TABLE booking_rules (
    scope                 VARCHAR(64) NOT NULL PRIMARY KEY,
    days_ahead            INT         NOT NULL,
    release_time          VARCHAR(8)  NOT NULL,
    stop_minutes_before   INT         NOT NULL,
    cancel_minutes_before INT         NOT NULL
);

CREATE TABLE department (
    id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    parent_id    VARCHAR(64),
    name         VARCHAR(64)   NOT NULL,
    introduction VARCHAR(2000),
    sort_order   INT           NOT NULL
);

CREATE TABLE doctor (
    id            VARCHAR(64)   NOT NULL PRIMARY KEY,
    department_id VARCHAR(64)   NOT NULL,
    name          VARCHAR(64)   NOT NULL,
    title         VARCHAR(64),
    specialty     VARCHAR(500),
    introduction  VARCHAR(4000),
    photo_url     VARCHAR(500),
    fee_fen       BIGINT        NOT NULL
);
