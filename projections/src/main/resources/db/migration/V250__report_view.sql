-- Lab and imaging reports (report-view): patients' released ones by type and date, staff's all, each with its
-- results in order. last_seq is the report aggregate's sequence the row reflects, so redelivery changes nothing.

CREATE TABLE report_view (
    report_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    patient_id     VARCHAR(64)  NOT NULL,
    type           VARCHAR(16)  NOT NULL,
    title          VARCHAR(100) NOT NULL,
    reported_at    DATETIME(6)  NOT NULL,
    report_date    DATE         NOT NULL,
    findings       TEXT,
    conclusion     TEXT,
    object_key     VARCHAR(255),
    abnormal_items INT          NOT NULL,
    released       BOOLEAN      NOT NULL,
    released_at    DATETIME(6),
    version        INT          NOT NULL,
    source         VARCHAR(16)  NOT NULL,
    external_no    VARCHAR(64)  NOT NULL,
    recorded_by    VARCHAR(100) NOT NULL,
    released_by    VARCHAR(100),
    amended_by     VARCHAR(100),
    amend_reason   VARCHAR(200),
    last_seq       BIGINT       NOT NULL
);
CREATE INDEX ix_report_view_patient ON report_view (patient_id, reported_at, report_id);
CREATE INDEX ix_report_view_reported ON report_view (reported_at, report_id);

CREATE TABLE report_item_view (
    report_id       VARCHAR(64)  NOT NULL,
    position        INT          NOT NULL,
    name            VARCHAR(100) NOT NULL,
    result_value    VARCHAR(50)  NOT NULL,
    unit            VARCHAR(30),
    reference_range VARCHAR(50),
    flag            VARCHAR(8),
    PRIMARY KEY (report_id, position)
);
