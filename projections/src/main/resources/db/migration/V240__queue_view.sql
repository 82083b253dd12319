-- The sessions' queues (取号 / 叫号) for staff's screens and patients' places (queue-view, in the appointment-view
-- group). One row per session and one per checked-in appointment; the queue's last event sequence guards redelivery.
CREATE TABLE queue_view (
    schedule_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
    queue_id       VARCHAR(80)  NOT NULL,
    doctor_id      VARCHAR(64)  NOT NULL,
    numbering      VARCHAR(16)  NOT NULL,
    current_number INT          NOT NULL,
    last_seq       BIGINT       NOT NULL
);
CREATE TABLE queue_entry_view (
    appointment_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    schedule_id    VARCHAR(64)  NOT NULL,
    patient_id     VARCHAR(64)  NOT NULL,
    queue_number   INT          NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    sort_key       BIGINT       NOT NULL,
    checked_in_at  DATETIME(6)  NOT NULL,
    called_at      DATETIME(6)
);
CREATE INDEX ix_queue_entry_view_line ON queue_entry_view (schedule_id, state, sort_key);
