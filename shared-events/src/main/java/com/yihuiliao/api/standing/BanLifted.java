package com.yihuiliao.api.standing;

/** Staff lifted a ban: {@code liftedBy} is the staff account, {@code reason} their own words. */
public record BanLifted(String standingKey, String banId, String liftedBy, String reason) implements StandingEvent {
}
