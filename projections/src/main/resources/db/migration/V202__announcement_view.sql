-- Announcements as patients and staff read them. Every row carries the timestamp of the last publication
-- or edit it reflects (updated_at), so a redelivered or late event changes nothing. Instants are stored as UTC.

CREATE TABLE announcement_view (
    id           VARCHAR(64)   NOT NULL PRIMARY KEY,
    title        VARCHAR(100)  NOT NULL,
    body         VARCHAR(5000) NOT NULL,
    active_from  DATETIME(6)   NOT NULL,
    active_until DATETIME(6)   NULL,
    pinned       BOOLEAN       NOT NULL,
    status       VARCHAR(16)   NOT NULL,
    published_by VARCHAR(80)   NOT NULL,
    updated_at   DATETIME(6)   NOT NULL
);
CREATE INDEX ix_announcement_view_active ON announcement_view (status, active_from);
