-- Notifications to patients (消息): one row per notification, which is also the patient's inbox entry.
-- dedup_key (kind:subject:patient) makes each notification once, whichever node or redelivered event
-- writes it first (insert-if-absent). status: PENDING (delivery scheduled), SENT, REFUSED (WeChat 43101:
-- the user refused the template; final), OPTED_OUT, NO_RECIPIENT (no template or openid), PARKED (the last
-- retry failed; an operator may retry it).
CREATE TABLE notification (
    id           VARCHAR(40)   NOT NULL PRIMARY KEY,
    dedup_key    VARCHAR(200)  NOT NULL,
    account_id   VARCHAR(64)   NOT NULL,
    patient_id   VARCHAR(64)   NOT NULL,
    kind         VARCHAR(32)   NOT NULL,
    subject_id   VARCHAR(64)   NOT NULL,
    data         VARCHAR(2000) NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    attempts     INT           NOT NULL,
    last_error   VARCHAR(200),
    created_at   DATETIME(6)   NOT NULL,
    delivered_at DATETIME(6),
    read_at      DATETIME(6),
    CONSTRAINT uk_notification_dedup UNIQUE (dedup_key)
);
CREATE INDEX ix_notification_inbox ON notification (account_id, created_at, id);
CREATE INDEX ix_notification_status ON notification (status, created_at);

-- What the reminders need to know of an appointment, kept from its events by notification-process, and
-- read again when a reminder is due: one cancelled or expired meanwhile is not reminded of.
CREATE TABLE notification_appointment (
    appointment_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    patient_id      VARCHAR(64) NOT NULL,
    visit_date      DATE        NOT NULL,
    period          VARCHAR(16) NOT NULL,
    hold_expires_at DATETIME(6),
    status          VARCHAR(16) NOT NULL
);

-- Templates an account declined (or WeChat said it refused, 43101): not sent again.
CREATE TABLE notification_opt_out (
    account_id VARCHAR(64) NOT NULL,
    kind       VARCHAR(32) NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (account_id, kind)
);
