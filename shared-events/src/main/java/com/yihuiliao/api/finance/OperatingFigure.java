package com.yihuiliao.api.finance;

import java.math.BigDecimal;

/**
 * A doctor's figures over a range of visit dates: slots (of schedules not suspended) and slots taken, utilisation
 * (taken ÷ slots, percent, one decimal), appointments booked for those dates and how many were cancelled or
 * expired, and the mean booking lead time in days (visit date − the Shanghai date booked, one decimal).
 * No-shows (爽约) count only appointments whose outcome is known: {@code checkedIn} arrived (签到), {@code missed}
 * were confirmed and not checked in when their period ended (marked by the missed sweep). {@code noShowPercent} =
 * missed ÷ (checkedIn + missed), percent, one decimal; null when neither. A confirmed appointment the sweep has not
 * reached yet, and anything cancelled or expired, is in neither count.
 */
public record OperatingFigure(String departmentId, String departmentName, String doctorId, String doctorName,
                              long slots, long taken, BigDecimal utilisationPercent, long appointments,
                              long cancelled, long expired, BigDecimal leadTimeDays, long checkedIn,
                              long missed, BigDecimal noShowPercent) {
}
