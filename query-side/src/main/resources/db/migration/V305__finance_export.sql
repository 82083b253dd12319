-- Finance's exports too large to answer at once (query.finance): one row per job, with its progress and, when
-- done, where its file is. active_key is the requester + report + format + filters while the job is queued or
-- running (NULL after), so the same request repeated meanwhile finds this job instead of starting another.
CREATE TABLE finance_export (
    export_id     VARCHAR(40)   NOT NULL PRIMARY KEY,
    report        VARCHAR(32)   NOT NULL,
    format        VARCHAR(8)    NOT NULL,
    parameters    LONGTEXT      NOT NULL,
    active_key    VARCHAR(64),
    requested_by  VARCHAR(100)  NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    rows_done     BIGINT        NOT NULL DEFAULT 0,
    rows_total    BIGINT        NOT NULL DEFAULT 0,
    attempts      INT           NOT NULL DEFAULT 0,
    file_name     VARCHAR(200)  NOT NULL,
    object_key    VARCHAR(300),
    failure       VARCHAR(1000),
    requested_at  DATETIME(6)   NOT NULL,
    updated_at    DATETIME(6)   NOT NULL,
    finished_at   DATETIME(6),
    CONSTRAINT uq_finance_export_active UNIQUE (active_key)
);
CREATE INDEX ix_finance_export_requester ON finance_export (requested_by, requested_at);
