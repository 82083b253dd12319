-- Audit replays of read models (query.rebuild): each run with its progress and, when done, its result,
-- so any node can answer how one goes; and the one lock that lets a single run go at a time across nodes.
CREATE TABLE read_model_rebuild (
    rebuild_id        VARCHAR(40)   NOT NULL PRIMARY KEY,
    models            VARCHAR(500)  NOT NULL,
    mode              VARCHAR(16)   NOT NULL,
    state             VARCHAR(24)   NOT NULL,
    phase             VARCHAR(24)   NOT NULL,
    node              VARCHAR(200),
    requested_by      VARCHAR(100),
    events_done       BIGINT        NOT NULL DEFAULT 0,
    events_total      BIGINT        NOT NULL DEFAULT 0,
    events_per_second DOUBLE,
    eta_seconds       BIGINT,
    replay_position   BIGINT,
    differences       BIGINT,
    started_at        DATETIME(6)   NOT NULL,
    updated_at        DATETIME(6)   NOT NULL,
    finished_at       DATETIME(6),
    result            LONGTEXT,
    failure           VARCHAR(1000)
);
CREATE INDEX ix_read_model_rebuild_started ON read_model_rebuild (started_at);

-- one row: held by a run until it ends or its expiry passes (a node that died mid-run frees it)
CREATE TABLE read_model_rebuild_lock (
    lock_name   VARCHAR(40) NOT NULL PRIMARY KEY,
    rebuild_id  VARCHAR(40),
    expires_at  DATETIME(6)
);
INSERT INTO read_model_rebuild_lock (lock_name, rebuild_id, expires_at) VALUES ('read-models', NULL, NULL);
