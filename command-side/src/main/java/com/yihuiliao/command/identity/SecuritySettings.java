package com.yihuiliao.command.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param jwtSecret        HMAC key of the access tokens, at least 32 bytes; from YHL_JWT_SECRET in
 *                         production. Blank in the embedded default: see generateJwtSecret.
 * @param generateJwtSecret without a jwtSecret, generate one once and keep it in {@code data-dir/jwt-secret}
 *                         (the embedded default); false (production): refuse to start without one
 * @param metricsScrapeToken the bearer token that reads /actuator/prometheus (and nothing else), at least
 *                         32 bytes; blank: only a super admin's token reads it
 * @param adminUsername    the super admin created on first start
 * @param adminPassword    its password; blank: a one-time password is generated and printed once
 */
@ConfigurationProperties("yihuiliao.security")
public record SecuritySettings(String jwtSecret,
                               @DefaultValue("false") boolean generateJwtSecret,
                               String metricsScrapeToken,
                               @DefaultValue("15m") Duration accessTokenTtl,
                               @DefaultValue("30d") Duration refreshTokenTtl,
                               @DefaultValue("admin") String adminUsername,
                               String adminPassword,
                               @DefaultValue("5") int maxFailedLogins,
                               @DefaultValue("15m") Duration lockoutDuration,
                               @DefaultValue("30") int loginsPerMinutePerClient,
                               @DefaultValue("10") int bookingsPerMinutePerAccount) {
}
