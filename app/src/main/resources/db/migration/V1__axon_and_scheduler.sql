-- Axon Framework's tables (JPA event store, tokens, sagas, dead letters) and db-scheduler's.
-- One script for MySQL, MariaDB and H2 (MODE=MySQL). payload, meta_data and token are LONGBLOB
-- (over 64 KB) and global_index is AUTO_INCREMENT (no gaps from a pooled sequence); both are
-- matched by META-INF/orm.xml so that ddl-auto=validate holds.

CREATE TABLE domain_event_entry (
    global_index         BIGINT       NOT NULL AUTO_INCREMENT,
    sequence_number      BIGINT       NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    type                 VARCHAR(255),
    meta_data            LONGBLOB,
    payload              LONGBLOB     NOT NULL,
    PRIMARY KEY (global_index),
    CONSTRAINT uk_domain_event_aggregate_seq UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT uk_domain_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    sequence_number      BIGINT       NOT NULL,
    aggregate_identifier VARCHAR(255) NOT NULL,
    event_identifier     VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255) NOT NULL,
    time_stamp           VARCHAR(255) NOT NULL,
    type                 VARCHAR(255) NOT NULL,
    meta_data            LONGBLOB,
    payload              LONGBLOB     NOT NULL,
    PRIMARY KEY (sequence_number, aggregate_identifier, type),
    CONSTRAINT uk_snapshot_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    segment        INT          NOT NULL,
    processor_name VARCHAR(255) NOT NULL,
    owner          VARCHAR(255),
    timestamp      VARCHAR(255) NOT NULL,
    token_type     VARCHAR(255),
    token          LONGBLOB,
    PRIMARY KEY (segment, processor_name)
);

CREATE TABLE saga_entry (
    saga_id         VARCHAR(255) NOT NULL,
    revision        VARCHAR(255),
    saga_type       VARCHAR(255),
    serialized_saga BLOB,
    PRIMARY KEY (saga_id)
);

CREATE TABLE association_value_entry (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    association_key   VARCHAR(255) NOT NULL,
    association_value VARCHAR(255),
    saga_id           VARCHAR(255) NOT NULL,
    saga_type         VARCHAR(255),
    PRIMARY KEY (id)
);
CREATE INDEX ix_association_lookup ON association_value_entry (saga_type, association_key, association_value);
CREATE INDEX ix_association_saga ON association_value_entry (saga_id, saga_type);

CREATE TABLE dead_letter_entry (
    dead_letter_id       VARCHAR(255)  NOT NULL,
    processing_group     VARCHAR(255)  NOT NULL,
    sequence_identifier  VARCHAR(255)  NOT NULL,
    sequence_index       BIGINT        NOT NULL,
    enqueued_at          DATETIME(6)   NOT NULL,
    last_touched         DATETIME(6),
    processing_started   DATETIME(6),
    sequence_number      BIGINT,
    cause_message        VARCHAR(1023),
    cause_type           VARCHAR(255),
    aggregate_identifier VARCHAR(255),
    event_identifier     VARCHAR(255)  NOT NULL,
    message_type         VARCHAR(255)  NOT NULL,
    payload_revision     VARCHAR(255),
    payload_type         VARCHAR(255)  NOT NULL,
    time_stamp           VARCHAR(255)  NOT NULL,
    token_type           VARCHAR(255),
    type                 VARCHAR(255),
    diagnostics          BLOB,
    meta_data            BLOB,
    payload              BLOB          NOT NULL,
    token                BLOB,
    PRIMARY KEY (dead_letter_id),
    CONSTRAINT uk_dead_letter_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX ix_dead_letter_group ON dead_letter_entry (processing_group);
CREATE INDEX ix_dead_letter_sequence ON dead_letter_entry (processing_group, sequence_identifier);

-- db-scheduler: Axon's persistent deadlines (DbSchedulerDeadlineManager) live here.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100) NOT NULL,
    task_instance        VARCHAR(100) NOT NULL,
    task_data            LONGBLOB,
    execution_time       DATETIME(6)  NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         DATETIME(6),
    last_failure         DATETIME(6),
    consecutive_failures INT,
    last_heartbeat       DATETIME(6),
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX ix_scheduled_tasks_execution ON scheduled_tasks (execution_time);
CREATE INDEX ix_scheduled_tasks_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX ix_scheduled_tasks_priority ON scheduled_tasks (priority, execution_time);
