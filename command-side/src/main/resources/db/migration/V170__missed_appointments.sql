-- Appointments whose period has not ended yet, with its start and end (UTC wall time), kept from the
-- appointments' events by MissedAppointmentWatch (group booking-process, off the booking's own transaction).
-- MissedAppointmentSweep asks the appointment about those whose period ended (only a confirmed one is missed);
-- a cancellation reads the start to tell whether it was late. Appointments booked before this table existed
-- are not watched.
CREATE TABLE appointment_period_watch (
    appointment_id VARCHAR(64) NOT NULL PRIMARY KEY,
    patient_id     VARCHAR(64) NOT NULL,
    starts_at      DATETIME(6) NOT NULL,
    ends_at        DATETIME(6) NOT NULL
);
CREATE INDEX ix_appointment_period_watch_end ON appointment_period_watch (ends_at);
