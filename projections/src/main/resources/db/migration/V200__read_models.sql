-- Read models built by the projections. Every row carries the last event sequence it reflects,
-- so a redelivered event changes nothing. Instants are stored as UTC.

CREATE TABLE department_view (
    id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    parent_id    VARCHAR(64),
    name         VARCHAR(64)   NOT NULL,
    introduction VARCHAR(2000),
    sort_order   INT           NOT NULL
);

CREATE TABLE doctor_view (
    id            VARCHAR(64)   NOT NULL PRIMARY KEY,
    department_id VARCHAR(64)   NOT NULL,
    name          VARCHAR(64)   NOT NULL,
    title         VARCHAR(64),
    specialty     VARCHAR(500),
    introduction  VARCHAR(4000),
    photo_url     VARCHAR(500),
    fee_fen       BIGINT        NOT NULL
);
CREATE INDEX ix_doctor_view_department ON doctor_view (department_id);

CREATE TABLE schedule_view (
    id             VARCHAR(64)  NOT NULL PRIMARY KEY,
    doctor_id      VARCHAR(64)  NOT NULL,
    department_id  VARCHAR(64)  NOT NULL,
    visit_date     DATE         NOT NULL,
    period         VARCHAR(16)  NOT NULL,
    capacity       INT          NOT NULL,
    remaining      INT          NOT NULL,
    fee_fen        BIGINT       NOT NULL,
    suspended      BOOLEAN      NOT NULL,
    suspend_reason VARCHAR(200),
    opens_at       DATETIME(6)  NOT NULL,
    closes_at      DATETIME(6)  NOT NULL,
    cancel_until   DATETIME(6)  NOT NULL,
    last_seq       BIGINT       NOT NULL
);
CREATE INDEX ix_schedule_view_date ON schedule_view (visit_date, department_id, doctor_id);

CREATE TABLE appointment_view (
    id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    patient_id      VARCHAR(64)  NOT NULL,
    schedule_id     VARCHAR(64)  NOT NULL,
    doctor_id       VARCHAR(64)  NOT NULL,
    department_id   VARCHAR(64)  NOT NULL,
    visit_date      DATE         NOT NULL,
    period          VARCHAR(16)  NOT NULL,
    fee_fen         BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    booked_at       DATETIME(6)  NOT NULL,
    hold_expires_at DATETIME(6),
    cancel_until    DATETIME(6)  NOT NULL,
    last_seq        BIGINT       NOT NULL
);
CREATE INDEX ix_appointment_view_patient ON appointment_view (patient_id, visit_date);
CREATE INDEX ix_appointment_view_admin ON appointment_view (visit_date, department_id, doctor_id, status);
CREATE INDEX ix_appointment_view_schedule ON appointment_view (schedule_id);

CREATE TABLE appointment_history (
    appointment_id VARCHAR(64)  NOT NULL,
    seq            BIGINT       NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    changed_at     DATETIME(6)  NOT NULL,
    reason         VARCHAR(200),
    PRIMARY KEY (appointment_id, seq)
);
