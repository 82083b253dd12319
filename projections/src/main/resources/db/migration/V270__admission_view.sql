-- Admissions (admission-view): patients' own, staff's all by status, ward and date, each with its fee lines.
-- last_seq is the admission aggregate's sequence the row reflects, so redelivery changes nothing.

CREATE TABLE admission_view (
    admission_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
    patient_id          VARCHAR(64)  NOT NULL,
    source              VARCHAR(16)  NOT NULL,
    external_no         VARCHAR(64)  NOT NULL,
    ward                VARCHAR(50)  NOT NULL,
    bed                 VARCHAR(20)  NOT NULL,
    admitted_at         DATETIME(6)  NOT NULL,
    admitted_date       DATE         NOT NULL,
    attending_doctor    VARCHAR(50),
    status              VARCHAR(16)  NOT NULL,
    discharged_at       DATETIME(6),
    total_fees_fen      BIGINT       NOT NULL,
    fee_lines           INT          NOT NULL,
    low_deposit_warnings INT         NOT NULL,
    recorded_by         VARCHAR(100) NOT NULL,
    discharged_by       VARCHAR(100),
    settled_at          DATETIME(6),
    settled_by          VARCHAR(100),
    settled_deposit_fen BIGINT,
    charged_fen         BIGINT,
    refund_fen          BIGINT,
    left_on_deposit_fen BIGINT,
    shortfall_fen       BIGINT,
    withdrawal_id       VARCHAR(32),
    bill_id             VARCHAR(32),
    last_seq            BIGINT       NOT NULL
);
CREATE INDEX ix_admission_view_patient ON admission_view (patient_id, admitted_at, admission_id);
CREATE INDEX ix_admission_view_admitted ON admission_view (admitted_at, admission_id);

CREATE TABLE admission_fee_view (
    admission_id   VARCHAR(64)  NOT NULL,
    line_no        VARCHAR(64)  NOT NULL,
    fee_date       DATE         NOT NULL,
    category       VARCHAR(16)  NOT NULL,
    item_code      VARCHAR(32),
    item_name      VARCHAR(100) NOT NULL,
    quantity       INT          NOT NULL,
    unit_price_fen BIGINT       NOT NULL,
    amount_fen     BIGINT       NOT NULL,
    posted_by      VARCHAR(100) NOT NULL,
    posted_at      DATETIME(6)  NOT NULL,
    PRIMARY KEY (admission_id, line_no)
);
CREATE INDEX ix_admission_fee_view_day ON admission_fee_view (admission_id, fee_date);
