package com.yihuiliao.api.exam;

import java.time.LocalDate;

/** A package's exam day is open for booking with this many places. */
public record ExamDayOpened(String examDayId, String packageId, LocalDate date, int capacity) implements ExamEvent {
}
