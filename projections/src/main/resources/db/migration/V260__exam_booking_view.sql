-- Exam bookings (体检预约) for patients' pages and staff's lists (exam-booking-view). Patients appear by id only:
-- staff's rows join patient_directory for the name and masked ID number.
CREATE TABLE exam_booking_view (
    id                VARCHAR(64)   NOT NULL PRIMARY KEY,
    booking_number    VARCHAR(32)   NOT NULL,
    patient_id        VARCHAR(64)   NOT NULL,
    package_id        VARCHAR(64)   NOT NULL,
    package_name      VARCHAR(100)  NOT NULL,
    exam_date         DATE          NOT NULL,
    check_in_time     VARCHAR(100),
    check_in_place    VARCHAR(200),
    notes             VARCHAR(2000),
    price_fen         BIGINT        NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    booked_at         DATETIME(6)   NOT NULL,
    pay_by            DATETIME(6),
    cancel_until      DATETIME(6),
    payment_reference VARCHAR(32),
    payment_channel   VARCHAR(16),
    paid_fen          BIGINT,
    paid_at           DATETIME(6),
    cancelled_by      VARCHAR(16),
    cancel_reason     VARCHAR(200),
    cancelled_at      DATETIME(6),
    last_seq          BIGINT        NOT NULL
);
CREATE INDEX ix_exam_booking_view_patient ON exam_booking_view (patient_id, exam_date, booked_at, id);
CREATE INDEX ix_exam_booking_view_date ON exam_booking_view (exam_date, booked_at, id);
