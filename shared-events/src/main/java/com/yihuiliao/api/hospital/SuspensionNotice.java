package com.yihuiliao.api.hospital;

import com.yihuiliao.api.schedule.Period;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A suspension notice (停诊通知): a suspended schedule's doctor, date and period, and the reason given.
 *
 * @param doctorName     the doctor's name as the catalogue shows it now; null if no longer listed
 * @param departmentName likewise
 */
public record SuspensionNotice(String scheduleId, LocalDate date, Period period, String doctorId, String doctorName,
                               String departmentId, String departmentName, String reason, Instant suspendedAt) {
}
