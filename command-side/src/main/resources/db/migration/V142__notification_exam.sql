-- What the notifications keep of an exam booking (体检预约), from its events (notification-process): what its
-- messages say, and its status, so the day-before reminder tells only of a booking still paid when it is due.
CREATE TABLE notification_exam (
    booking_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    patient_id     VARCHAR(64)  NOT NULL,
    booking_number VARCHAR(32)  NOT NULL,
    exam_date      DATE         NOT NULL,
    check_in_time  VARCHAR(100),
    check_in_place VARCHAR(200),
    status         VARCHAR(16)  NOT NULL
);
