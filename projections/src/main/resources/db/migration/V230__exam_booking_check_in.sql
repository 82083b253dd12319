-- An exam booking's check-in at the desk (体检签到), beside exam_booking_view (exam-booking-view, joined when read):
-- when, and the staff member who did it (staff's view only).
CREATE TABLE exam_booking_check_in (
    booking_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    checked_in_at DATETIME(6) NOT NULL,
    checked_in_by VARCHAR(64)
);
