-- Physical-exam packages (体检套餐): reference data kept by staff, like departments and doctors. What a booking
-- takes from its package (price, notes) is copied into the booking's events, so a later edit never changes it.

CREATE TABLE exam_package (
    id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    name       VARCHAR(100)  NOT NULL,
    price_fen  BIGINT        NOT NULL,
    notes      VARCHAR(2000) NOT NULL,
    -- who it suits: a sex (NULL: either) and an age band in whole years, both ends included
    sex        VARCHAR(6),
    min_age    INT           NOT NULL,
    max_age    INT           NOT NULL,
    active     BOOLEAN       NOT NULL,
    updated_at DATETIME      NOT NULL
);

CREATE TABLE exam_package_item (
    package_id VARCHAR(64)  NOT NULL,
    item_no    INT          NOT NULL,
    name       VARCHAR(100) NOT NULL,
    PRIMARY KEY (package_id, item_no),
    CONSTRAINT fk_exam_package_item FOREIGN KEY (package_id) REFERENCES exam_package (id)
);
