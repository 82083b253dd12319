package com.yihuiliao.command.appointment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param paymentTimeout       how long an unpaid hold lasts before it expires and its slot returns
 * @param dailyLimit           live appointments one patient may hold on one visit date
 * @param departmentDailyLimit live appointments one patient may hold in one department on one visit date (0: any)
 * @param doctorDailyLimit     live appointments one patient may hold with one doctor on one visit date (0: any)
 * @param checkInOpensBefore   how long before its period starts a confirmed appointment may check in (on its day)
 */
@ConfigurationProperties("yihuiliao.booking")
public record BookingSettings(@DefaultValue("15m") Duration paymentTimeout, @DefaultValue("3") int dailyLimit,
                              @DefaultValue("1") int departmentDailyLimit, @DefaultValue("1") int doctorDailyLimit,
                              @DefaultValue("2h") Duration checkInOpensBefore) {
}
