package com.yihuiliao.api.finance;

import java.math.BigDecimal;

/**
 * A doctor's figures over a range of visit dates: slots (of schedules not suspended) and slots taken, utilisation
 * (taken ÷ slots, percent, one decimal), appointments booked for those dates and how many were cancelled or
 * expired, and the mean booking lead time in days (visit date − the Shanghai date booked, one decimal).
 * {@code noShowPercent} is null: no appointment is marked missed yet (the missed status is still to come).
 */
public record OperatingFigure(String departmentId, String departmentName, String doctorId, String doctorName,
                              long slots, long taken, BigDecimal utilisationPercent, long appointments,
                              long cancelled, long expired, BigDecimal leadTimeDays, BigDecimal noShowPercent) {
}
