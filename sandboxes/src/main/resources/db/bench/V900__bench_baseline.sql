-- Benchmark only: the plain-SQL baseline that bench/run.sh measures the event-sourced booking
-- against. Applied only when Flyway is pointed at classpath:db/bench as well, e.g.
--   --spring.flyway.locations=classpath:db/migration,classpath:db/bench
-- One script for MySQL, MariaDB and H2 (MODE=MySQL).

CREATE TABLE bench_slot (
    id        VARCHAR(64) NOT NULL,
    capacity  INT         NOT NULL,
    remaining INT         NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE bench_appointment (
    id          VARCHAR(64) NOT NULL,
    schedule_id VARCHAR(64) NOT NULL,
    patient_id  VARCHAR(64) NOT NULL,
    booked_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_bench_appointment_patient UNIQUE (schedule_id, patient_id)
);
