package com.yihuiliao.command.exam;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param paymentTimeout how long an unpaid exam booking lasts before it expires and its place returns
 * @param checkInTime    when patients check in at the exam centre (shown on the success page)
 * @param checkInPlace   where they check in
 */
@ConfigurationProperties("yihuiliao.exam")
public record ExamSettings(@DefaultValue("30m") Duration paymentTimeout,
                           @DefaultValue("07:30-09:30") String checkInTime,
                           @DefaultValue("门诊楼三楼体检中心") String checkInPlace) {
}
