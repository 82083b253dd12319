package com.yihuiliao.command.integration;

import java.time.Clock;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The signature check is a filter of the security chain (the app puts it before the bearer tokens), not a
 * servlet filter of its own: it must run where the chain can answer its refusal.
 */
@Configuration
class IntegrationConfiguration {

    @Bean
    SignedRequestFilter signedRequestFilter(IntegrationSettings settings, StringRedisTemplate redis) {
        return new SignedRequestFilter(settings, redis, Clock.systemUTC());
    }

    @Bean
    FilterRegistrationBean<SignedRequestFilter> signedRequestFilterOnlyInTheSecurityChain(SignedRequestFilter filter) {
        FilterRegistrationBean<SignedRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
