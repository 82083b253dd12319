package com.yihuiliao.command.exam;

import com.yihuiliao.api.Clocks;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param paymentTimeout    how long an unpaid exam booking lasts before it expires and its place returns
 * @param checkInTime       when patients check in at the exam centre (shown on the success page)
 * @param checkInPlace      where they check in
 * @param cancelDaysBefore  the patient may cancel until {@code cancelUntilTime} (Beijing time) this many days
 *                          before the exam date; the rule is copied into each booking, so a change applies to new ones
 * @param cancelUntilTime   see {@code cancelDaysBefore}
 */
@ConfigurationProperties("yihuiliao.exam")
public record ExamSettings(@DefaultValue("30m") Duration paymentTimeout,
                           @DefaultValue("07:30-09:30") String checkInTime,
                           @DefaultValue("门诊楼三楼体检中心") String checkInPlace,
                           @DefaultValue("1") int cancelDaysBefore,
                           @DefaultValue("17:00") LocalTime cancelUntilTime) {

    /** Until when a booking for this date may be cancelled by the patient. */
    Instant cancelUntil(LocalDate examDate) {
        return examDate.minusDays(cancelDaysBefore).atTime(cancelUntilTime).atZone(Clocks.HOSPITAL_ZONE).toInstant();
    }
}
