-- Announcements (公告): plain reference data written by staff; every change is also published as an
-- event in the same transaction. Instants are stored as UTC.

CREATE TABLE announcement (
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
