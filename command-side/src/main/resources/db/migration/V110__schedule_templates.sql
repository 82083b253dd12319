-- Weekly schedule templates (排班模板): what a scheduler keeps to publish a week of schedules in one action.
-- Reference data like departments and doctors; the schedules they publish are events as always.

CREATE TABLE schedule_template (
    id         VARCHAR(64)  NOT NULL PRIMARY KEY,
    name       VARCHAR(100) NOT NULL,
    updated_at DATETIME     NOT NULL
);

CREATE TABLE schedule_template_entry (
    template_id VARCHAR(64) NOT NULL,
    day_of_week VARCHAR(16) NOT NULL,
    period      VARCHAR(16) NOT NULL,
    doctor_id   VARCHAR(64) NOT NULL,
    capacity    INT         NOT NULL,
    PRIMARY KEY (template_id, day_of_week, period, doctor_id),
    CONSTRAINT fk_schedule_template_entry FOREIGN KEY (template_id) REFERENCES schedule_template (id)
);
