package com.yihuiliao.api.rules;

import com.yihuiliao.api.Clocks;
import com.yihuiliao.api.schedule.BookingWindow;
import com.yihuiliao.api.schedule.Period;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * When dates open and close for booking, hospital-wide or for one department.
 *
 * @param daysAhead              a date opens this many days before it (0 = the same day)
 * @param releaseTime            the daily release time (放号), hospital time
 * @param stopMinutesBefore      booking stops this many minutes before the period starts
 * @param cancelMinutesBefore    patients may cancel until this many minutes before the period starts
 */
public record BookingRules(int daysAhead, LocalTime releaseTime, int stopMinutesBefore, int cancelMinutesBefore) {

    public static final String HOSPITAL = "HOSPITAL";

    public static BookingRules hospitalDefault() {
        return new BookingRules(7, LocalTime.of(8, 0), 30, 120);
    }

    public boolean isValid() {
        return daysAhead >= 0 && daysAhead <= 90 && releaseTime != null
                && stopMinutesBefore >= 0 && stopMinutesBefore <= 24 * 60
                && cancelMinutesBefore >= 0 && cancelMinutesBefore <= 7 * 24 * 60;
    }

    public BookingWindow windowFor(LocalDate date, Period period) {
        ZonedDateTime start = date.atTime(period.start()).atZone(Clocks.HOSPITAL_ZONE);
        ZonedDateTime opens = date.minusDays(daysAhead).atTime(releaseTime).atZone(Clocks.HOSPITAL_ZONE);
        return new BookingWindow(opens.toInstant(), start.minusMinutes(stopMinutesBefore).toInstant(),
                start.minusMinutes(cancelMinutesBefore).toInstant());
    }
}
