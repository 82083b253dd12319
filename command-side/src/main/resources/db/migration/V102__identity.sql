-- Identity: patients' WeChat accounts, staff accounts, and refresh tokens (stored as hashes).

CREATE TABLE user_account (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    openid     VARCHAR(64)  NOT NULL,
    unionid    VARCHAR(64),
    phone      VARCHAR(20),
    created_at DATETIME(6)  NOT NULL,
    CONSTRAINT uk_user_account_openid UNIQUE (openid)
);

CREATE TABLE staff_account (
    id                   VARCHAR(64)  NOT NULL PRIMARY KEY,
    username             VARCHAR(32)  NOT NULL,
    display_name         VARCHAR(64)  NOT NULL,
    password_hash        VARCHAR(100) NOT NULL,
    roles                VARCHAR(200) NOT NULL,
    doctor_id            VARCHAR(64),
    disabled             BOOLEAN      NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    created_at           DATETIME(6)  NOT NULL,
    CONSTRAINT uk_staff_username UNIQUE (username)
);

CREATE TABLE refresh_token (
    token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    subject    VARCHAR(80)  NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    roles      VARCHAR(200) NOT NULL,
    doctor_id  VARCHAR(64),
    expires_at DATETIME(6)  NOT NULL,
    revoked_at DATETIME(6)
);
CREATE INDEX ix_refresh_token_subject ON refresh_token (subject);
