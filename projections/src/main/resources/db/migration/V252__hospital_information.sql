-- Hospital information (hospital-view): the introduction, campuses, visit guide and encyclopedia articles, each row
-- the whole state of its last change (updated_at: that event's time; an older event never overwrites a newer
-- one), a removal kept as a flag so a late redelivered save cannot bring it back. Suspension notices
-- (suspension-notice-view): each published schedule's doctor, date and period, and each suspension with its reason.

CREATE TABLE hospital_introduction_view (
    id         VARCHAR(16) NOT NULL PRIMARY KEY,
    html       MEDIUMTEXT  NOT NULL,
    updated_at DATETIME(6) NOT NULL
);

CREATE TABLE campus_view (
    campus_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    name       VARCHAR(64)  NOT NULL,
    address    VARCHAR(200) NOT NULL,
    phone      VARCHAR(30)  NOT NULL,
    latitude   DOUBLE       NOT NULL,
    longitude  DOUBLE       NOT NULL,
    sort_order INT          NOT NULL,
    removed    BOOLEAN      NOT NULL,
    updated_at DATETIME(6)  NOT NULL
);

CREATE TABLE visit_guide_view (
    guide_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    title      VARCHAR(100) NOT NULL,
    html       MEDIUMTEXT   NOT NULL,
    sort_order INT          NOT NULL,
    removed    BOOLEAN      NOT NULL,
    updated_at DATETIME(6)  NOT NULL
);

CREATE TABLE article_view (
    article_id VARCHAR(64)  NOT NULL PRIMARY KEY,
    category   VARCHAR(20)  NOT NULL,
    title      VARCHAR(100) NOT NULL,
    summary    VARCHAR(300),
    html       MEDIUMTEXT   NOT NULL,
    plain_text MEDIUMTEXT   NOT NULL,
    removed    BOOLEAN      NOT NULL,
    updated_at DATETIME(6)  NOT NULL
);
CREATE INDEX ix_article_view_updated ON article_view (removed, updated_at, article_id);
CREATE INDEX ix_article_view_category ON article_view (category, updated_at, article_id);

CREATE TABLE suspension_schedule (
    schedule_id   VARCHAR(64) NOT NULL PRIMARY KEY,
    doctor_id     VARCHAR(64) NOT NULL,
    department_id VARCHAR(64) NOT NULL,
    visit_date    DATE        NOT NULL,
    period        VARCHAR(16) NOT NULL
);

CREATE TABLE suspension_notice_view (
    schedule_id   VARCHAR(64)  NOT NULL PRIMARY KEY,
    doctor_id     VARCHAR(64)  NOT NULL,
    department_id VARCHAR(64)  NOT NULL,
    visit_date    DATE         NOT NULL,
    period        VARCHAR(16)  NOT NULL,
    reason        VARCHAR(500),
    suspended_at  DATETIME(6)  NOT NULL
);
CREATE INDEX ix_suspension_notice_date ON suspension_notice_view (visit_date, schedule_id);
